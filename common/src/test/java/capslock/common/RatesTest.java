package capslock.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RatesTest {

    @Test
    void parsesDecimalBinaryAndBitUnits() {
        assertThat(Rates.parse("200MB/s")).isEqualTo(200_000_000);
        assertThat(Rates.parse("1.5GB/s")).isEqualTo(1_500_000_000);
        assertThat(Rates.parse("64KiB/s")).isEqualTo(65_536);
        assertThat(Rates.parse("10Gbit/s")).isEqualTo(1_250_000_000);
        assertThat(Rates.parse("5")).as("a bare number is bytes per second").isEqualTo(5);
    }

    @Test
    void rejectsWhatIsNotARateWithExamples() {
        assertThatThrownBy(() -> Rates.parse("fast"))
                .hasMessage("'fast' is not a rate (examples: 200MB/s, 1.5GB/s, 64KiB/s, 10Gbit/s)");
        assertThatThrownBy(() -> Rates.parse("0MB/s")).hasMessage("'0MB/s' is below one byte per second");
    }

    /** Megabytes as throughput is quoted, until a rate would round to 0.0 MB/s. */
    @Test
    void printsMegabytesAndSmallRatesInUnitsThatShowThem() {
        assertThat(Rates.format(200_000_000)).isEqualTo("200.0 MB/s");
        assertThat(Rates.format(100_000)).isEqualTo("0.1 MB/s");
        assertThat(Rates.format(5_000)).isEqualTo("5.0 kB/s");
        assertThat(Rates.format(5)).isEqualTo("5 B/s");
    }
}
