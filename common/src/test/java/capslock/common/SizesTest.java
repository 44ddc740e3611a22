package capslock.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SizesTest {

    @Test
    void parsesBinaryUnitsInEverySpelling() {
        assertThat(Sizes.parse("1024")).isEqualTo(1024);
        assertThat(Sizes.parse("64KiB")).isEqualTo(65536);
        assertThat(Sizes.parse("64k")).isEqualTo(65536);
        assertThat(Sizes.parse("1MiB")).isEqualTo(1 << 20);
        assertThat(Sizes.parse("1m")).isEqualTo(1 << 20);
        assertThat(Sizes.parse("1GiB")).isEqualTo(1L << 30);
        assertThat(Sizes.parse("4g")).isEqualTo(4L << 30);
    }

    @Test
    void rejectsWhatIsNotASize() {
        assertThatThrownBy(() -> Sizes.parse("lots")).hasMessageContaining("not a size");
        assertThatThrownBy(() -> Sizes.parse("-5")).hasMessageContaining("not a size");
        assertThatThrownBy(() -> Sizes.parse("99999999999999999999")).hasMessageContaining("too large");
        assertThatThrownBy(() -> Sizes.parse("9999999999999T")).hasMessageContaining("too large");
    }

    @Test
    void formatsForPeople() {
        assertThat(Sizes.format(512)).isEqualTo("512 B");
        assertThat(Sizes.format(65536)).isEqualTo("64 KiB");
        assertThat(Sizes.format(1536 * 1024)).isEqualTo("1.5 MiB");
        assertThat(Sizes.grouped(1234567)).isEqualTo("1,234,567");
    }

    @Test
    void waterMarksMustBeOrdered() {
        assertThat(WaterMark.parse("32KiB:64KiB")).isEqualTo(new WaterMark(32768, 65536));
        assertThatThrownBy(() -> WaterMark.parse("64KiB:32KiB")).hasMessageContaining("above the high water mark");
        assertThatThrownBy(() -> WaterMark.parse("64KiB")).hasMessageContaining("LOW:HIGH");
    }

    @Test
    void durations() {
        assertThat(Durations.parse("5s")).isEqualTo(Duration.ofSeconds(5));
        assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Durations.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse("3")).isEqualTo(Duration.ofSeconds(3));
        assertThatThrownBy(() -> Durations.parse("soon")).hasMessageContaining("not a duration");
    }
}
