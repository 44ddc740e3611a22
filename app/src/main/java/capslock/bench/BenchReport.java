package capslock.bench;

import capslock.Json;
import capslock.client.LatencySummary;
import capslock.client.Outcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The bench table (iperf3-like, one row per connection count), and the same rows as JSON or CSV. */
final class BenchReport {
    private static final String ROW = "%5s %15s %8s %10s %26s %22s %9s %9s %9s %12s %9s %9s %9s";
    private static final String RTT_ROW = "%5s %14s %8s %14s %28s %36s %9s";

    private BenchReport() {
    }

    static String table(List<BenchRow> rows) {
        StringBuilder text = new StringBuilder();
        List<BenchRow> streams = rows.stream().filter(r -> !r.mode().equals(BenchRow.RTT)).toList();
        List<BenchRow> rtts = rows.stream().filter(r -> r.mode().equals(BenchRow.RTT)).toList();
        if (!streams.isEmpty()) {
            text.append(String.format(Locale.ROOT, ROW, "conn", "bytes", "seconds", "MB/s", "per conn MB/s min/med/max",
                    "byte latency ms", "client", "server", "GC", "peak queued", "TCP", "CPU s", "verified")).append('\n');
            text.append(String.format(Locale.ROOT, ROW, "", "", "", "", "", "p50 / p99 / p99.9", "CPU s", "CPU s", "n / ms",
                    "(client)", "retrans", "stolen", "")).append('\n');
            for (BenchRow r : streams) {
                text.append(String.format(Locale.ROOT, ROW, r.connections(), String.format(Locale.ROOT, "%,d", r.bytes()),
                        String.format(Locale.ROOT, "%.2f", r.seconds()), String.format(Locale.ROOT, "%.1f", r.megabytesPerSecond()),
                        String.format(Locale.ROOT, "%.1f / %.1f / %.1f", r.minPerConnection(), r.medianPerConnection(),
                                r.maxPerConnection()),
                        latencyCell(r.latency(), false),
                        String.format(Locale.ROOT, "%.2f", r.clientCpuSeconds()),
                        r.serverCpuSeconds() == null ? "n/a" : String.format(Locale.ROOT, "%.2f", r.serverCpuSeconds()),
                        r.gcCount() + " / " + r.gcMillis(), String.format(Locale.ROOT, "%,d B", r.peakQueued()),
                        r.tcpRetransmits() == null ? "n/a" : String.format(Locale.ROOT, "%,d", r.tcpRetransmits()),
                        r.stolenCpuSeconds() == null ? "n/a" : String.format(Locale.ROOT, "%.2f", r.stolenCpuSeconds()),
                        verifiedColumn(r))).append('\n');
            }
        }
        for (BenchRow r : streams) {
            if (r.targetMegabytesPerSecond() != null) {
                text.append(String.format(Locale.ROOT, "  [%2d conn] target %.1f MB/s on a schedule: %s; latency from when each "
                                + "write was due%s%n", r.connections(), r.targetMegabytesPerSecond(),
                        r.rateReached() ? "reached" : String.format(Locale.ROOT, "NOT reached (%.1f MB/s)", r.megabytesPerSecond()),
                        r.uncorrectedLatency() == null ? "" : " (from when it went out: " + latencyCell(r.uncorrectedLatency(), false).strip() + ")"));
            }
        }
        if (!rtts.isEmpty()) {
            if (!streams.isEmpty()) {
                text.append('\n');
            }
            text.append(String.format(Locale.ROOT, RTT_ROW, "conn", "round trips", "seconds", "round trips/s",
                    "per conn round trips/s", "round trip ms p50 / p90 / p99 / p99.9", "verified")).append('\n');
            text.append(String.format(Locale.ROOT, RTT_ROW, "", "", "", "", "min / med / max", "max", "")).append('\n');
            for (BenchRow r : rtts) {
                text.append(String.format(Locale.ROOT, RTT_ROW, r.connections(), String.format(Locale.ROOT, "%,d", r.roundTrips()),
                        String.format(Locale.ROOT, "%.2f", r.seconds()), String.format(Locale.ROOT, "%,.0f", r.roundTripsPerSecond()),
                        String.format(Locale.ROOT, "%,.0f / %,.0f / %,.0f", r.minPerConnection() * 1e6 / 16,
                                r.medianPerConnection() * 1e6 / 16, r.maxPerConnection() * 1e6 / 16),
                        latencyCell(r.latency(), true), verifiedColumn(r))).append('\n');
            }
        }
        return text.toString();
    }

    /** "0.081 / 0.310 / 1.20", with p90 too for round trips; why not, where there are no percentiles. */
    static String latencyCell(LatencySummary latency, boolean withP90) {
        if (latency == null) {
            return "n/a";
        }
        if (latency.p50Ms() == null) {
            return latency.oldestUnansweredMs() != null
                    ? String.format(Locale.ROOT, "oldest %.1f", latency.oldestUnansweredMs()) : "none";
        }
        return withP90
                ? String.format(Locale.ROOT, "%s / %s / %s / %s (max %s)", ms(latency.p50Ms()), ms(latency.p90Ms()),
                        ms(latency.p99Ms()), ms(latency.p999Ms()), ms(latency.maxMs()))
                : String.format(Locale.ROOT, "%s / %s / %s", ms(latency.p50Ms()), ms(latency.p99Ms()), ms(latency.p999Ms()));
    }

    private static String ms(double millis) {
        return millis >= 100 ? String.format(Locale.ROOT, "%.0f", millis)
                : millis >= 10 ? String.format(Locale.ROOT, "%.1f", millis)
                : millis >= 1 ? String.format(Locale.ROOT, "%.2f", millis) : String.format(Locale.ROOT, "%.3f", millis);
    }

    /** yes or no, or in nine characters why the row did not complete (the JSON and CSV keep the outcome's name). */
    private static String verifiedColumn(BenchRow r) {
        if (r.outcome() == Outcome.COMPLETED) {
            return r.verified() ? "yes" : "no";
        }
        return switch (r.outcome()) {
            case VERIFY_FAILED -> "mismatch";
            case MEMORY_GUARD -> "mem guard";
            case INTERRUPTED -> "cut short";
            default -> r.outcome().toString();
        };
    }

    /**
     * Like iperf3's {@code -J}: what was measured against what, then the rows; indented for a file, on one line for
     * standard output (so that the line can be found among others in a log: {@code kubectl logs} mixes in stderr).
     */
    static String json(String target, List<BenchRow> rows, boolean oneLine) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("target", target);
        root.put("rows", rows);
        return oneLine ? Json.write(root) : Json.writePretty(root);
    }

    static String csv(List<BenchRow> rows) {
        StringBuilder text = new StringBuilder("mode,connections,bytes,seconds,mb_per_s,gbit_per_s,min_mb_per_s,median_mb_per_s,"
                + "max_mb_per_s,target_mb_per_s,round_trips_per_s,latency_p50_ms,latency_p90_ms,latency_p99_ms,latency_p999_ms,"
                + "latency_max_ms,client_cpu_s,server_cpu_s,gc_count,gc_ms,peak_queued,tcp_retransmits,stolen_cpu_s,verified,outcome\n");
        for (BenchRow r : rows) {
            LatencySummary l = r.latency();
            text.append(String.format(Locale.ROOT, "%s,%d,%d,%.3f,%.1f,%.3f,%.1f,%.1f,%.1f,%s,%s,%s,%s,%s,%s,%s,%.2f,%s,%d,%d,%d,%s,%s,%b,%s%n",
                    r.mode(), r.connections(), r.bytes(), r.seconds(), r.megabytesPerSecond(), r.gigabitsPerSecond(),
                    r.minPerConnection(), r.medianPerConnection(), r.maxPerConnection(),
                    r.targetMegabytesPerSecond() == null ? "" : String.format(Locale.ROOT, "%.1f", r.targetMegabytesPerSecond()),
                    r.roundTripsPerSecond() == null ? "" : String.format(Locale.ROOT, "%.0f", r.roundTripsPerSecond()),
                    cell(l == null ? null : l.p50Ms()), cell(l == null ? null : l.p90Ms()), cell(l == null ? null : l.p99Ms()),
                    cell(l == null ? null : l.p999Ms()), cell(l == null ? null : l.maxMs()), r.clientCpuSeconds(),
                    r.serverCpuSeconds() == null ? "" : String.format(Locale.ROOT, "%.2f", r.serverCpuSeconds()),
                    r.gcCount(), r.gcMillis(), r.peakQueued(), r.tcpRetransmits() == null ? "" : r.tcpRetransmits(),
                    r.stolenCpuSeconds() == null ? "" : String.format(Locale.ROOT, "%.2f", r.stolenCpuSeconds()),
                    r.verified(), r.outcome()));
        }
        return text.toString();
    }

    private static String cell(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.3f", value);
    }
}
