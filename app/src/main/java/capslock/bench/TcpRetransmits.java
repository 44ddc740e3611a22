package capslock.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * TCP segments this host has retransmitted so far, from Linux's {@code /proc/net/snmp}: iperf3's "Retr", but
 * host-wide (Java cannot read a NIO socket's TCP_INFO). On loopback that is mostly bench's own traffic.
 */
final class TcpRetransmits {
    private static final Path SNMP = Path.of("/proc/net/snmp");

    private TcpRetransmits() {
    }

    /** The count so far, or -1 where there is no such file (not Linux) or it does not read as expected. */
    static long sofar() {
        try {
            return parse(Files.readAllLines(SNMP));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** RetransSegs from the file's two "Tcp:" lines, names then values; -1 if they are not there. */
    static long parse(List<String> snmp) {
        List<String> tcp = snmp.stream().filter(line -> line.startsWith("Tcp:")).toList();
        if (tcp.size() < 2) {
            return -1;
        }
        int column = Arrays.asList(tcp.get(0).trim().split("\\s+")).indexOf("RetransSegs");
        String[] values = tcp.get(1).trim().split("\\s+");
        return column > 0 && column < values.length ? Long.parseLong(values[column]) : -1;
    }
}
