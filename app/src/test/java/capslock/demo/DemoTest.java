package capslock.demo;

import static org.assertj.core.api.Assertions.assertThat;

import capslock.client.Outcome;
import capslock.common.WaterMark;
import capslock.common.net.TransportConfig;
import java.awt.image.BufferedImage;
import java.io.DataInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
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

    private DemoSettings settings(WaterMark marks, int sndbuf, int rcvbuf) {
        return new DemoSettings(null, 0, 0, 4L << 20, 1024, Duration.ofSeconds(1), 512L << 20,
                TransportConfig.defaults().withWaterMark(marks).withSocketBuffers(sndbuf, rcvbuf), dir.resolve("timelines"));
    }

    @Test
    void theInProcessServersUseTheDemosWaterMarks() {
        WaterMark small = WaterMark.parse("8KiB:16KiB");
        DemoSettings settings = settings(small, 0, 0);
        assertThat(DemoServers.serverConfig(settings, true, settings.bytes()).waterMark()).isEqualTo(small);
        assertThat(DemoServers.serverConfig(settings, false, settings.bytes()).waterMark()).isEqualTo(small);
    }

    @Test
    void eachScenarioEndsAsTheChapterSaysAndTheChartAndTimelinesShowIt() throws Exception {
        List<RunResult> results = new DemoRunner(settings(WaterMark.defaults(), 64 * 1024, 64 * 1024),
                new PrintStream(OutputStream.nullOutputStream()), false).run();

        assertThat(results).hasSize(5);
        RunResult books = results.get(0);
        RunResult naiveConcurrent = results.get(1);
        RunResult watermarkAfter = results.get(2);
        RunResult fix = results.get(3);
        RunResult serverAbsorbs = results.get(4);

        assertThat(books.summary().outcome()).isEqualTo(Outcome.STALLED);
        assertThat(books.summary().latency().p50Ms()).as("no percentiles for bytes that never came back").isNull();
        assertThat(books.summary().latency().oldestUnansweredMs()).as("the stall's age").isGreaterThanOrEqualTo(1000.0);
        assertThat(naiveConcurrent.summary().outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(naiveConcurrent.summary().peakQueuedPayload()).isGreaterThan(4 * HIGH);
        assertThat(watermarkAfter.summary().outcome()).isEqualTo(Outcome.STALLED);
        assertThat(watermarkAfter.summary().peakQueuedPayload()).isLessThanOrEqualTo(HIGH + 1024);
        assertThat(fix.summary().outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(fix.summary().received()).isEqualTo(4L << 20);
        assertThat(fix.summary().peakQueuedPayload()).isLessThanOrEqualTo(HIGH + 1024);
        assertThat(fix.summary().latency().p99Ms()).isPositive();
        assertThat(serverAbsorbs.summary().outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(serverAbsorbs.serverPeakQueued()).isGreaterThan(1L << 20);
        assertThat(results).allSatisfy(r -> assertThat(r.why(results)).isNotBlank());
        assertThat(results).allSatisfy(r -> assertThat(r.serverNote()).isNull());
        // What the chart draws: the server's side of each connection, and the channel's unwritable time per interval.
        assertThat(books.points()).anySatisfy(p -> assertThat(p.server().paused()).isTrue());
        assertThat(fix.points().stream().mapToInt(p -> p.client().writabilityChanges()).sum())
                .isEqualTo(fix.summary().writabilityChanges());
        assertThat(books.points().get(books.points().size() - 1).client().written()).as("the last point is the final state")
                .isEqualTo(books.summary().written());

        String table = DemoReport.table(results);
        assertThat(table).contains("the book's client").contains("stalled").contains("completed").contains("p50 / p99")
                .contains("oldest ");

        Path chart = dir.resolve("demo.png");
        DemoChart.write(results, chart);
        BufferedImage image = ImageIO.read(chart.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isGreaterThanOrEqualTo(1000);
        assertThat(image.getHeight()).isGreaterThanOrEqualTo(1200);
        try (DataInputStream in = new DataInputStream(Files.newInputStream(chart))) {
            assertThat(in.readLong()).as("PNG signature").isEqualTo(0x89504E470D0A1A0AL);
        }

        for (RunResult r : results) {
            List<String> rows = Files.readAllLines(dir.resolve("timelines/scenario-" + r.scenario().number() + ".csv"));
            assertThat(rows.get(0)).isEqualTo(DemoTimeline.HEADER);
            assertThat(rows).as("a row per point, plus the header").hasSize(r.points().size() + 1);
        }
    }

    /** Against a running server, the server's side comes from its admin endpoint; when that does not answer, a note says so. */
    @Test
    void againstARunningServerItsSideComesFromItsAdminEndpointOrANoteSaysWhyNot() throws Exception {
        TransportConfig small = TransportConfig.defaults().withSocketBuffers(64 * 1024, 64 * 1024);
        try (capslock.server.CapslockServer server = capslock.server.CapslockServer.start(
                capslock.server.ServerConfig.loopback().withTransport(small));
             capslock.server.admin.AdminServer admin = capslock.server.admin.AdminServer.start(server, "127.0.0.1", 0)) {
            DemoSettings seen = new DemoSettings("127.0.0.1", server.port(), admin.port(), 4L << 20, 1024,
                    Duration.ofSeconds(1), 512L << 20, small, null);
            try (DemoServers servers = new DemoServers(seen, seen.bytes())) {
                RunResult books = DemoRun.run(servers, seen, Scenario.BOOKS_CLIENT.spec(seen), p -> { });
                assertThat(books.summary().outcome()).isEqualTo(Outcome.STALLED);
                assertThat(books.serverNote()).isNull();
                assertThat(books.points()).anySatisfy(p -> assertThat(p.server() != null && p.server().paused()).isTrue());
                assertThat(books.serverPeakQueued()).isPositive();
            }
            int closed;
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
                closed = socket.getLocalPort();
            }
            DemoSettings unseen = new DemoSettings("127.0.0.1", server.port(), closed, 1L << 20, 1024,
                    Duration.ofSeconds(1), 512L << 20, small, null);
            try (DemoServers servers = new DemoServers(unseen, unseen.bytes())) {
                RunResult fix = DemoRun.run(servers, unseen, Scenario.THE_FIX.spec(unseen), p -> { });
                assertThat(fix.summary().outcome()).isEqualTo(Outcome.COMPLETED);
                assertThat(fix.serverNote()).startsWith("the server's side is not shown: its admin endpoint http://127.0.0.1:"
                        + closed + "/ did not answer");
                assertThat(fix.points()).allSatisfy(p -> assertThat(p.server()).isNull());
                assertThat(DemoReport.table(List.of(fix))).contains("Note: the server's side is not shown");
            }
        }
    }
}
