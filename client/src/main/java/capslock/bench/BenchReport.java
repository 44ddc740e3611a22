package capslock.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;

/** The bench table (iperf3-like, one row per connection count), and the same rows as JSON or CSV. */
final class BenchReport {
    private static final String ROW = "%5s %15s %8s %10s %8s %26s %9s %9s %9s %14s %9s %9s";

    private BenchReport() {
    }

    static String table(List<BenchRow> rows) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, ROW, "conn", "bytes", "seconds", "MB/s", "Gbit/s",
                "per conn MB/s min/med/max", "client", "server", "GC", "peak queued", "TCP", "verified")).append('\n');
        text.append(String.format(Locale.ROOT, ROW, "", "", "", "", "", "", "CPU s", "CPU s", "n / ms", "(client)", "retrans", ""))
                .append('\n');
        for (BenchRow r : rows) {
            text.append(String.format(Locale.ROOT, ROW, r.connections(), String.format(Locale.ROOT, "%,d", r.bytes()),
                    String.format(Locale.ROOT, "%.2f", r.seconds()), String.format(Locale.ROOT, "%.1f", r.megabytesPerSecond()),
                    String.format(Locale.ROOT, "%.2f", r.gigabitsPerSecond()),
                    String.format(Locale.ROOT, "%.1f / %.1f / %.1f", r.minPerConnection(), r.medianPerConnection(),
                            r.maxPerConnection()),
                    String.format(Locale.ROOT, "%.2f", r.clientCpuSeconds()),
                    r.serverCpuSeconds() == null ? "n/a" : String.format(Locale.ROOT, "%.2f", r.serverCpuSeconds()),
                    r.gcCount() + " / " + r.gcMillis(), String.format(Locale.ROOT, "%,d B", r.peakQueued()),
                    r.tcpRetransmits() == null ? "n/a" : String.format(Locale.ROOT, "%,d", r.tcpRetransmits()),
                    verifiedColumn(r))).append('\n');
        }
        return text.toString();
    }

    /** yes or no, or in nine characters why the row did not complete (the JSON and CSV keep the outcome's name). */
    private static String verifiedColumn(BenchRow r) {
        return switch (r.outcome()) {
            case "completed" -> r.verified() ? "yes" : "no";
            case "verify_failed" -> "mismatch";
            case "memory_guard" -> "mem guard";
            default -> r.outcome();
        };
    }

    static String json(List<BenchRow> rows) {
        try {
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(rows);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String csv(List<BenchRow> rows) {
        StringBuilder text = new StringBuilder("connections,bytes,seconds,mb_per_s,gbit_per_s,min_mb_per_s,median_mb_per_s,"
                + "max_mb_per_s,client_cpu_s,server_cpu_s,gc_count,gc_ms,peak_queued,tcp_retransmits,verified,outcome\n");
        for (BenchRow r : rows) {
            text.append(String.format(Locale.ROOT, "%d,%d,%.3f,%.1f,%.3f,%.1f,%.1f,%.1f,%.2f,%s,%d,%d,%d,%s,%b,%s%n",
                    r.connections(), r.bytes(), r.seconds(), r.megabytesPerSecond(), r.gigabitsPerSecond(),
                    r.minPerConnection(), r.medianPerConnection(), r.maxPerConnection(), r.clientCpuSeconds(),
                    r.serverCpuSeconds() == null ? "" : String.format(Locale.ROOT, "%.2f", r.serverCpuSeconds()),
                    r.gcCount(), r.gcMillis(), r.peakQueued(), r.tcpRetransmits() == null ? "" : r.tcpRetransmits(),
                    r.verified(), r.outcome()));
        }
        return text.toString();
    }
}
