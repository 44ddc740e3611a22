package capslock.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading steal out of /proc/stat's aggregate "cpu" line: user nice system idle iowait irq softirq steal ... */
class StolenCpuTest {
    @Test
    void stealIsTheEighthNumberOfTheCpuLineInHundredthsOfASecond() {
        List<String> stat = List.of(
                "cpu  113040 0 81005 119939 9901 0 28207 11745 0 0",
                "cpu0 56520 0 40502 59969 4950 0 14103 5873 0 0",
                "intr 123");
        assertThat(StolenCpu.parse(stat)).isEqualTo(117.45);
    }

    @Test
    void aKernelWithoutTheStealColumnReadsAsUnknown() {
        assertThat(StolenCpu.parse(List.of("cpu  1 2 3 4 5 6 7"))).isEqualTo(-1);
        assertThat(StolenCpu.parse(List.of("intr 5"))).isEqualTo(-1);
    }
}
