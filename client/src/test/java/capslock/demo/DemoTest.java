package capslock.demo;

import static org.assertj.core.api.Assertions.assertThat;

import capslock.client.Timeline;
import capslock.common.WaterMark;
import capslock.common.net.Transport;
import java.awt.image.BufferedImage;
import java.io.DataInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole demo, end to end, quickly: 4 MiB per scenario with 64 KiB socket buffers on both sides (the
 * stall needs a payload well above the buffers) and 1 KiB writes (16-byte ones are slow under paranoid
 * leak tracking), a 1 s stall timeout.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DemoTest {
    private static final long HIGH = 64 * 1024;

    @TempDir
    Path dir;

    @Test
    void theInProcessServersUseTheDemosWaterMarks() {
        WaterMark small = WaterMark.parse("8KiB:16KiB");
        DemoRunner.Settings settings = new DemoRunner.Settings(null, 0, 1L << 20, 1024, small, Duration.ofSeconds(1),
                512L << 20, Transport.AUTO, 0, 0, dir.resolve("timelines"));
        DemoRunner runner = new DemoRunner(settings, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), false);

        assertThat(runner.serverConfig(true).waterMark()).isEqualTo(small);
        assertThat(runner.serverConfig(false).waterMark()).isEqualTo(small);
    }

    @Test
    void eachScenarioEndsAsTheChapterSays() throws Exception {
        DemoRunner.Settings settings = new DemoRunner.Settings(null, 0, 4L << 20, 1024, WaterMark.parse(WaterMark.DEFAULT),
                Duration.ofSeconds(1), 512L << 20, Transport.AUTO, 64 * 1024, 64 * 1024, dir.resolve("timelines"));
        List<ScenarioResult> results = new DemoRunner(settings, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), false).run();

        assertThat(results).hasSize(5);
        ScenarioResult books = results.get(0);
        ScenarioResult naiveConcurrent = results.get(1);
        ScenarioResult watermarkAfter = results.get(2);
        ScenarioResult fix = results.get(3);
        ScenarioResult serverAbsorbs = results.get(4);

        assertThat(books.summary().outcome()).isEqualTo("stalled");
        assertThat(naiveConcurrent.summary().outcome()).isEqualTo("completed");
        assertThat(naiveConcurrent.summary().peakQueuedPayload()).isGreaterThan(4 * HIGH);
        assertThat(watermarkAfter.summary().outcome()).isEqualTo("stalled");
        assertThat(watermarkAfter.summary().peakQueuedPayload()).isLessThanOrEqualTo(HIGH + 1024);
        assertThat(fix.summary().outcome()).isEqualTo("completed");
        assertThat(fix.summary().received()).isEqualTo(4L << 20);
        assertThat(fix.summary().peakQueuedPayload()).isLessThanOrEqualTo(HIGH + 1024);
        assertThat(serverAbsorbs.summary().outcome()).isEqualTo("completed");
        assertThat(serverAbsorbs.serverPeakQueued()).isGreaterThan(1L << 20);
        assertThat(results).allSatisfy(r -> assertThat(r.why()).isNotBlank());

        String table = DemoReport.table(results);
        assertThat(table).contains("the book's client").contains("stalled").contains("completed");

        Path chart = dir.resolve("demo.png");
        DemoChart.write(results, chart);
        BufferedImage image = ImageIO.read(chart.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isGreaterThanOrEqualTo(1000);
        assertThat(image.getHeight()).isGreaterThanOrEqualTo(800);
        try (DataInputStream in = new DataInputStream(Files.newInputStream(chart))) {
            assertThat(in.readLong()).as("PNG signature").isEqualTo(0x89504E470D0A1A0AL);
        }

        for (ScenarioResult r : results) {
            List<String> rows = Files.readAllLines(dir.resolve("timelines/scenario-" + r.scenario().number() + ".csv"));
            assertThat(rows.get(0)).isEqualTo(Timeline.HEADER);
            assertThat(rows).as("a row per sample, plus the header and the final row").hasSize(r.samples().size() + 2);
        }
    }
}
