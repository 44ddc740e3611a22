package capslock.client;

import capslock.common.Rates;
import capslock.common.Sizes;
import java.util.Locale;

/**
 * The end of a {@code send}, as text or (field for field) as JSON.
 *
 * @param latency byte latency: percentiles for a completed transfer; for one that stopped, the wait of the oldest byte
 *                still unanswered instead (it has none that mean anything); for an interrupted one, both: the
 *                percentiles of what was answered and the oldest wait; null where not measured (UTF-8 mode)
 */
public record SendSummary(Outcome outcome,
                          int exitCode,
                          String writer,
                          String reader,
                          String waterMark,
                          int writeSize,
                          String transport,
                          long payloadBytes,
                          long produced,
                          long written,
                          long received,
                          double seconds,
                          double megabytesPerSecond,
                          long peakQueuedPayload,
                          long peakQueuedNetty,
                          int writabilityChanges,
                          LatencySummary latency,
                          Long firstDifference,
                          String explanation) {

    static SendSummary of(SendConfig config, String transport, long payloadBytes, Transfer transfer, Transfer.Result result,
                          Long firstDifference) {
        Snapshot at = result.at();
        return new SendSummary(result.outcome(), result.outcome().exitCode(),
                config.writer().name().toLowerCase(Locale.ROOT), config.reader().name().toLowerCase(Locale.ROOT),
                config.waterMark().toString(), config.writeSize(), transport, payloadBytes, at.produced(), at.written(),
                at.received(), round(transfer.seconds(), 3), round(Sizes.megabytesPerSecond(at.received(), transfer.seconds()), 1),
                transfer.peakPayloadQueued(), transfer.peakNettyQueued(), transfer.writabilityChanges(),
                latency(transfer, result), firstDifference, result.explanation());
    }

    private static LatencySummary latency(Transfer transfer, Transfer.Result result) {
        ByteLatency latency = transfer.latency();
        if (latency == null) {
            return null;
        }
        if (result.outcome() == Outcome.COMPLETED) {
            return LatencySummary.of(latency.total(), 0);
        }
        double oldest = result.at().oldestUnansweredMs();
        if (result.outcome() == Outcome.INTERRUPTED) {
            return LatencySummary.of(latency.total(), Math.round(oldest * 1e6));
        }
        return new LatencySummary(latency.total().getTotalCount(), null, null, null, null, null,
                oldest > 0 ? round(oldest, 3) : null);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    /** The human summary; a transfer that did not complete leads with its diagnosis. */
    public String toText() {
        String payload = payloadBytes < 0 ? "a stream" : Sizes.grouped(payloadBytes) + " B";
        return String.join("\n",
                "capslock send: " + (exitCode == 0 ? "completed — " + explanation : explanation),
                "",
                "  payload             " + payload + ", " + writer + " writer, reader " + reader + ", " + writeSize
                        + "-byte writes, water marks " + waterMark + ", " + transport,
                "  sent / received     " + Sizes.grouped(written) + " B / " + Sizes.grouped(received) + " B in "
                        + String.format(Locale.ROOT, "%.2f s = ", seconds)
                        + Rates.format(seconds > 0 ? Math.round(received / seconds) : 0),
                "  peak queued         " + Sizes.grouped(peakQueuedPayload) + " B of payload (Netty counts "
                        + Sizes.grouped(peakQueuedNetty) + " B)",
                "  writability changes " + Sizes.grouped(writabilityChanges),
                "  byte latency        " + (latency == null ? "not measured (UTF-8 replies can differ in length)" : latency.describe()),
                "  outcome             " + outcome + " (exit code " + exitCode + ")");
    }
}
