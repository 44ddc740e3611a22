package capslock.client;

import org.HdrHistogram.Histogram;

/**
 * Percentiles of byte latency in milliseconds, from a histogram of nanoseconds; {@code marks} is how many marks were
 * answered. Null fields are what could not be measured: no percentiles without a mark answered, no oldest wait when
 * every mark was answered.
 *
 * @param oldestUnansweredMs how long the oldest byte still unanswered at the end had waited: what a stalled transfer
 *                           reports instead of percentiles it cannot have
 */
public record LatencySummary(long marks, Double p50Ms, Double p90Ms, Double p99Ms, Double p999Ms, Double maxMs,
                             Double oldestUnansweredMs) {

    /** The percentiles of {@code histogram}; {@code oldestUnansweredNanos} 0 when nothing waits. */
    public static LatencySummary of(Histogram histogram, long oldestUnansweredNanos) {
        Double oldest = oldestUnansweredNanos > 0 ? millis(oldestUnansweredNanos) : null;
        if (histogram.getTotalCount() == 0) {
            return new LatencySummary(0, null, null, null, null, null, oldest);
        }
        return new LatencySummary(histogram.getTotalCount(), millis(histogram.getValueAtPercentile(50)),
                millis(histogram.getValueAtPercentile(90)), millis(histogram.getValueAtPercentile(99)),
                millis(histogram.getValueAtPercentile(99.9)), millis(histogram.getMaxValue()), oldest);
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 1e3) / 1e3;
    }

    /** "p50 1.23 ms, p90 …, max 9.87 ms", or why there are no percentiles. */
    public String describe() {
        if (p50Ms == null) {
            String why = marks == 0 ? "no marked byte answered"
                    : "no percentiles, the transfer did not complete (" + marks + (marks == 1 ? " mark" : " marks") + " answered)";
            return oldestUnansweredMs != null ? why + "; the oldest unanswered byte has waited " + format(oldestUnansweredMs)
                    : why;
        }
        String text = "p50 " + format(p50Ms) + ", p90 " + format(p90Ms) + ", p99 " + format(p99Ms) + ", p99.9 "
                + format(p999Ms) + ", max " + format(maxMs);
        return oldestUnansweredMs != null ? text + "; the oldest unanswered byte has waited " + format(oldestUnansweredMs) : text;
    }

    /** {@code 0.084 ms}, {@code 12.3 ms}, {@code 1.52 s}: three significant digits, the unit a reader expects. */
    public static String format(double millis) {
        if (millis >= 1000) {
            return String.format(java.util.Locale.ROOT, "%.2f s", millis / 1000);
        }
        if (millis >= 10) {
            return String.format(java.util.Locale.ROOT, "%.1f ms", millis);
        }
        if (millis >= 1) {
            return String.format(java.util.Locale.ROOT, "%.2f ms", millis);
        }
        return String.format(java.util.Locale.ROOT, "%.3f ms", millis);
    }
}
