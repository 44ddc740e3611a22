package capslock.demo;

import static org.assertj.core.api.Assertions.assertThat;

import capslock.CapslockJvm;
import capslock.common.testing.Eventually;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code capslock demo} stopped by a real SIGTERM (what Ctrl-C's SIGINT also does; see SendInterruptTest for why not
 * SIGINT itself) in its first scenario, the book's client, whose stall would otherwise be waited out for five
 * minutes: the table and chart show that scenario, cut short, and it exits 130.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DemoInterruptTest {
    private CapslockJvm demo;

    @AfterEach
    void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void sigtermEndsTheScenarioUnderWayAndShowsWhatRan(@TempDir Path dir) throws Exception {
        Path chart = dir.resolve("demo.png");
        Path timeline = dir.resolve("timelines/scenario-1.csv");
        demo = CapslockJvm.start(dir, "demo", "--bytes", "32MiB", "--write-size", "1KiB", "--stall-timeout", "5m",
                "--chart", chart.toString(), "--timeline-dir", dir.resolve("timelines").toString());
        Process process = demo.process();
        Eventually.await("the first scenario has taken a few samples", Duration.ofSeconds(30),
                () -> lines(timeline) >= 4 || !process.isAlive());
        assertThat(process.isAlive()).as(demo.err()).isTrue();

        process.destroy(); // SIGTERM
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("demo ended within 30 s of SIGTERM").isTrue();

        String report = demo.out();
        assertThat(process.exitValue()).as(report + demo.err()).isEqualTo(130);
        assertThat(report).contains("capslock demo: interrupted (SIGTERM) in scenario 1 of 5; the scenarios run until then:")
                .containsPattern("\\n1  the book's client +interrupted ")
                .contains("1. interrupted by SIGTERM after ")
                .doesNotContain("\n2  ")
                .contains("chart: " + chart);
        assertThat(chart).isNotEmptyFile();
        assertThat(demo.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static long lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file).size() : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
