package capslock.bench;

import capslock.Json;
import capslock.client.Outcome;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.HdrHistogram.Histogram;

/**
 * {@code bench --merge}: several bench runs' {@code --json} results (one per pod of a Kubernetes Job, say) as one:
 * rows with the same mode, connection count and target rate are combined. Throughput, bytes and round trips add up;
 * the per-connection spread is over every connection of every run; latency percentiles come from the runs' merged
 * histograms; a row is verified only if it was everywhere, and its outcome is the first that was not "completed".
 */
final class BenchMerge {
    private static final ObjectMapper READER = Json.mapper().copy()
            .enable(DeserializationFeature.READ_ENUMS_USING_TO_STRING)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private BenchMerge() {
    }

    /**
     * The rows of one {@code --json} result: the whole text, or the one line of it that is the result (a pod's log,
     * where the result line sits among the progress lines); {@code name} names it in an error.
     */
    static List<BenchRow> read(String name, String json) {
        try {
            JsonNode root = rootIn(json);
            JsonNode rows = root == null ? null : root.get("rows");
            if (rows == null || !rows.isArray()) {
                throw new IllegalArgumentException(name + " is not a capslock bench --json result (no \"rows\")");
            }
            List<BenchRow> result = new ArrayList<>();
            for (JsonNode row : rows) {
                result.add(READER.treeToValue(row, BenchRow.class));
            }
            return result;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(name + " is not a capslock bench --json result: "
                    + e.getOriginalMessage());
        }
    }

    private static JsonNode rootIn(String text) throws com.fasterxml.jackson.core.JsonProcessingException {
        try {
            return READER.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException whole) {
            for (String line : text.split("\\R")) {
                if (line.startsWith("{\"") && line.contains("\"rows\"")) {
                    return READER.readTree(line);
                }
            }
            throw whole;
        }
    }

    /** The runs' rows combined, in the order they first appear. */
    static List<BenchRow> merge(List<List<BenchRow>> runs) {
        Map<List<Object>, List<BenchRow>> groups = new LinkedHashMap<>();
        for (List<BenchRow> run : runs) {
            for (BenchRow row : run) {
                groups.computeIfAbsent(List.of(row.mode(), row.connections(), Objects.toString(row.targetMegabytesPerSecond())),
                        k -> new ArrayList<>()).add(row);
            }
        }
        return groups.values().stream().map(BenchMerge::combine).toList();
    }

    private static BenchRow combine(List<BenchRow> rows) {
        BenchRow first = rows.get(0);
        List<Double> perConnection = rows.stream().flatMap(r -> r.perConnection().stream()).sorted().toList();
        Histogram latency = LatencyHistograms.empty();
        for (BenchRow r : rows) {
            if (r.histogram() != null) {
                latency.add(LatencyHistograms.decode(r.histogram()));
            }
        }
        Outcome outcome = rows.stream().map(BenchRow::outcome).filter(o -> o != Outcome.COMPLETED).findFirst()
                .orElse(Outcome.COMPLETED);
        double mbps = rows.stream().mapToDouble(BenchRow::megabytesPerSecond).sum();
        boolean rtt = first.mode().equals(BenchRow.RTT);
        Long retransmits = rows.stream().allMatch(r -> r.tcpRetransmits() != null)
                ? rows.stream().mapToLong(BenchRow::tcpRetransmits).sum() : null;
        Double stolen = rows.stream().allMatch(r -> r.stolenCpuSeconds() != null)
                ? rows.stream().mapToDouble(BenchRow::stolenCpuSeconds).sum() : null;
        long oldest = rows.stream().filter(r -> r.latency() != null && r.latency().oldestUnansweredMs() != null)
                .mapToLong(r -> (long) (r.latency().oldestUnansweredMs() * 1e6)).max().orElse(0);
        return new BenchRow(first.mode(), rows.stream().mapToInt(BenchRow::connections).sum(),
                rows.stream().mapToLong(BenchRow::bytes).sum(), rows.stream().mapToDouble(BenchRow::seconds).max().orElse(0),
                mbps, mbps * 8 / 1000, perConnection.isEmpty() ? 0 : perConnection.get(0),
                perConnection.isEmpty() ? 0 : perConnection.get(perConnection.size() / 2),
                perConnection.isEmpty() ? 0 : perConnection.get(perConnection.size() - 1), perConnection,
                first.targetMegabytesPerSecond() == null ? null
                        : rows.stream().mapToDouble(BenchRow::targetMegabytesPerSecond).sum(),
                rtt ? rows.stream().mapToLong(BenchRow::roundTrips).sum() : null,
                rtt ? rows.stream().mapToDouble(BenchRow::roundTripsPerSecond).sum() : null,
                rows.stream().mapToDouble(BenchRow::clientCpuSeconds).sum(),
                rows.stream().allMatch(r -> r.serverCpuSeconds() != null)
                        ? rows.stream().mapToDouble(BenchRow::serverCpuSeconds).sum() : null,
                rows.stream().mapToLong(BenchRow::gcCount).sum(), rows.stream().mapToLong(BenchRow::gcMillis).sum(),
                rows.stream().mapToLong(BenchRow::peakQueued).max().orElse(0), retransmits, stolen,
                rows.stream().allMatch(BenchRow::verified), outcome,
                LatencyHistograms.summary(outcome == Outcome.COMPLETED ? latency : LatencyHistograms.empty(), oldest), null,
                LatencyHistograms.encode(latency), List.of());
    }
}
