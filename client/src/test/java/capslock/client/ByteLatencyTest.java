package capslock.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Marks are answered when the reply reaches their offset; each wait is charged from when the write was due (and,
 * uncorrected, from when it went out); a sample interval reports what was answered since the one before.
 */
class ByteLatencyTest {
    private static final long MS = 1_000_000;

    @Test
    void aMarkIsAnsweredOnlyWhenTheReplyReachesItsOffset() {
        ByteLatency latency = new ByteLatency();
        latency.sent(ByteLatency.SPACING, 0, 0);

        latency.received(ByteLatency.SPACING - 1, 5 * MS);
        assertThat(latency.total().getTotalCount()).as("one byte short of the mark").isZero();
        assertThat(latency.oldestUnansweredNanos(7 * MS)).isEqualTo(7 * MS);

        latency.received(ByteLatency.SPACING, 9 * MS);
        assertThat(latency.total().getTotalCount()).isEqualTo(1);
        assertThat(latency.oldestUnansweredNanos(10 * MS)).as("nothing left waiting").isZero();
    }

    @Test
    void theFirstWriteIsMarkedHoweverShortThenOneMarkPerSpacing() {
        ByteLatency latency = new ByteLatency();
        latency.sent(6, 0, 0); // "hello\n": a whole transfer shorter than the spacing
        latency.sent(100, 0, 0);
        latency.sent(ByteLatency.SPACING + 1, 0, 0);

        latency.received(ByteLatency.SPACING + 1, 2 * MS);

        assertThat(latency.total().getTotalCount()).as("the first write, then the first past the spacing").isEqualTo(2);
    }

    @Test
    void aWriteThatWentOutLateIsChargedFromWhenItWasDue() {
        ByteLatency latency = new ByteLatency();
        latency.sent(ByteLatency.SPACING, 0, 40 * MS); // due at 0, held up 40 ms before it went out

        latency.received(ByteLatency.SPACING, 50 * MS);

        assertThat(latency.total().getMaxValue()).isCloseTo(50 * MS, within(50 * MS / 1000));
        assertThat(latency.uncorrected().getMaxValue()).isCloseTo(10 * MS, within(10 * MS / 1000));
    }

    @Test
    void anIntervalHoldsWhatWasAnsweredSinceThePreviousOne() {
        ByteLatency latency = new ByteLatency();
        for (int i = 1; i <= 3; i++) {
            latency.sent((long) i * ByteLatency.SPACING, 0, 0);
        }
        latency.received(ByteLatency.SPACING, 1 * MS);
        latency.received(2L * ByteLatency.SPACING, 2 * MS);
        latency.received(3L * ByteLatency.SPACING, 30 * MS);

        ByteLatency.Interval first = latency.takeInterval();
        assertThat(first.marks()).isEqualTo(3);
        assertThat(first.p50Nanos()).isCloseTo(2 * MS, within(2 * MS / 1000));
        assertThat(first.maxNanos()).isCloseTo(30 * MS, within(30 * MS / 1000));

        assertThat(latency.takeInterval()).as("nothing answered since").isEqualTo(ByteLatency.Interval.NONE);
        assertThat(latency.total().getTotalCount()).as("the totals keep every mark").isEqualTo(3);
    }
}
