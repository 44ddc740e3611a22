package capslock.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** What the summary line says about byte latency, for each way a transfer can end. */
class LatencySummaryTest {

    @Test
    void aCompletedTransferGivesItsPercentiles() {
        Histogram histogram = ByteLatency.newHistogram();
        for (int ms = 1; ms <= 100; ms++) {
            histogram.recordValue(ms * 1_000_000L);
        }
        assertThat(LatencySummary.of(histogram, 0).describe())
                .isEqualTo("p50 50.0 ms, p90 90.0 ms, p99 99.0 ms, p99.9 100.0 ms, max 100.0 ms");
    }

    @Test
    void aTransferThatStoppedBeforeAnyMarkCameBackSaysSoAndHowLongTheOldestWaited() {
        assertThat(new LatencySummary(0, null, null, null, null, null, 3_600.0).describe())
                .isEqualTo("no marked byte answered; the oldest unanswered byte has waited 3.60 s");
    }

    @Test
    void aTransferThatStoppedAfterSomeMarksCameBackDoesNotClaimNoneDid() {
        assertThat(new LatencySummary(4, null, null, null, null, null, 5_150.0).describe())
                .isEqualTo("no percentiles, the transfer did not complete (4 marks answered); "
                        + "the oldest unanswered byte has waited 5.15 s");
        assertThat(new LatencySummary(1, null, null, null, null, null, null).describe())
                .isEqualTo("no percentiles, the transfer did not complete (1 mark answered)");
    }
}
