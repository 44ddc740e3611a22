package capslock.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU time the hypervisor has taken from this virtual machine so far, all its CPUs together: the {@code steal} column
 * of Linux's {@code /proc/stat} (what {@code top} shows as {@code st}). Time a VM's CPUs wanted to run and did not;
 * on a shared host it stalls client and server alike, and byte latency's tail shows it.
 */
final class StolenCpu {
    private static final Path STAT = Path.of("/proc/stat");
    /** Linux reports /proc/stat in USER_HZ ticks, 100 per second on every architecture it runs on. */
    private static final double TICKS_PER_SECOND = 100;

    private StolenCpu() {
    }

    /** The seconds so far, or -1 where there is no such file (not Linux) or it does not read as expected. */
    static double sofar() {
        try {
            return parse(Files.readAllLines(STAT));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The seconds stolen since {@code before} (a {@link #sofar} reading), or null where either reading is unknown. */
    static Double since(double before) {
        double now = sofar();
        return before < 0 || now < 0 ? null : now - before;
    }

    /** Steal, the eighth number of the aggregate "cpu" line, in seconds; -1 if that line or column is not there. */
    static double parse(List<String> stat) {
        for (String line : stat) {
            String[] fields = line.trim().split("\\s+");
            if (fields[0].equals("cpu")) {
                return fields.length > 8 ? Long.parseLong(fields[8]) / TICKS_PER_SECOND : -1;
            }
        }
        return -1;
    }
}
