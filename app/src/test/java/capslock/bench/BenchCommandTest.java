package capslock.bench;

import static org.assertj.core.api.Assertions.assertThat;

import capslock.CapslockCli;
import capslock.common.testing.PlainEchoServer;
import capslock.common.WaterMark;
import capslock.server.ServerConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code capslock bench} end to end against its in-process server, small: the figures are not asserted, the report is. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class BenchCommandTest {
    @RegisterExtension
    final CapslockCli cli = new CapslockCli();

    @TempDir
    Path dir;

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void aRowPerConnectionCountEveryByteVerifiedAndTheSameRowsAsJsonAndCsv() throws Exception {
        Path json = dir.resolve("bench.json");
        Path csv = dir.resolve("bench.csv");
        Path chart = dir.resolve("bench.png");
        int exit = run("bench", "--connections", "1,3", "--bytes", "8MiB", "--warmup", "0s", "--json", json.toString(),
                "--csv", csv.toString(), "--chart", chart.toString());

        assertThat(exit).as(cli.err() + cli.out()).isZero();
        assertThat(cli.out()).contains("per conn MB/s min/med/max").contains("yes");
        JsonNode rows = new ObjectMapper().readTree(json.toFile()).get("rows");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("connections").asInt()).isEqualTo(1);
        assertThat(rows.get(0).get("bytes").asLong()).isEqualTo(8L << 20);
        assertThat(rows.get(1).get("bytes").asLong()).isEqualTo(3 * (8L << 20));
        assertThat(rows.get(1).get("verified").asBoolean()).isTrue();
        // A --bytes row lasts until its last connection ends; each connection's rate is over its own time to finish,
        // so a lone connection's equals the row's, and of three, all are at least a third of the row's.
        JsonNode one = rows.get(0);
        assertThat(one.get("medianPerConnection").asDouble()).isCloseTo(one.get("megabytesPerSecond").asDouble(),
                org.assertj.core.data.Offset.offset(1e-9));
        JsonNode three = rows.get(1);
        assertThat(three.get("minPerConnection").asDouble()).isGreaterThanOrEqualTo(three.get("megabytesPerSecond").asDouble() / 3 - 1e-9);
        assertThat(three.get("maxPerConnection").asDouble()).isGreaterThan(three.get("megabytesPerSecond").asDouble() / 3);
        assertThat(Files.readAllLines(csv)).hasSize(3);
        assertThat(Files.readAllLines(csv).get(0)).contains(",tcp_retransmits,");
        assertThat(rows.get(0).has("tcpRetransmits")).isTrue(); // null where /proc/net/snmp is not there
        assertThat(Files.readAllLines(csv).get(0)).contains(",tcp_retransmits,stolen_cpu_s,verified,");
        assertThat(rows.get(0).has("stolenCpuSeconds")).isTrue(); // null where /proc/stat is not there
        // Three panels: against connections, over time from the interval lines (also in the JSON), and latency.
        assertThat(javax.imageio.ImageIO.read(chart.toFile()).getWidth()).isEqualTo(3 * BenchChart.PANEL_WIDTH);
        JsonNode latency = rows.get(0).get("latency");
        assertThat(latency.get("marks").asLong()).as("one mark per 64 KiB write").isEqualTo((8L << 20) / (64 * 1024));
        assertThat(latency.get("p99Ms").asDouble()).isGreaterThanOrEqualTo(latency.get("p50Ms").asDouble()).isPositive();
        assertThat(rows.get(0).get("histogram").asText()).isNotEmpty();
        assertThat(Files.readAllLines(csv).get(0)).contains(",latency_p50_ms,latency_p90_ms,latency_p99_ms,latency_p999_ms,");
        assertThat(rows.get(0).get("intervals")).isNotNull();
    }

    /** --bytes after a warm-up: each connection sends that much more after it; what was in flight then counts too. */
    @Test
    void withAWarmupBytesAreCountedFromItsEnd() throws Exception {
        Path json = dir.resolve("bench.json");
        int exit = run("bench", "--connections", "2", "--bytes", "4MiB", "--warmup", "500ms", "--json", json.toString());

        assertThat(exit).as(cli.err() + cli.out()).isZero();
        JsonNode row = new ObjectMapper().readTree(json.toFile()).get("rows").get(0);
        assertThat(row.get("bytes").asLong()).isGreaterThanOrEqualTo(2 * (4L << 20));
        assertThat(row.get("verified").asBoolean()).isTrue();
    }

    /** Interval lines that began before the warm-up ended are marked, the rest are not (the first row's is 4 s longer). */
    @Test
    void intervalLinesAreMarkedWhileTheWarmupLasts() {
        int exit = run("bench", "--connections", "1", "--duration", "1s", "--warmup", "1s", "--interval", "500ms");

        assertThat(exit).as(cli.err() + cli.out()).isZero();
        assertThat(cli.out()).contains("after a 1s warm-up (5s before the first row");
        List<String> lines = cli.out().lines().filter(l -> l.startsWith("  [ 1 conn]")).toList();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(11);
        for (String line : lines) {
            double from = Double.parseDouble(line.substring("  [ 1 conn]".length()).trim().split("-")[0]);
            assertThat(line.endsWith("(warm-up, not counted)")).as(line).isEqualTo(from < 4.99);
        }
    }

    @Test
    void theWaterMarksAndChunkSizeReachTheInProcessServer() {
        BenchCommand command = new BenchCommand();
        new CommandLine(command).parseArgs("--water-mark", "8KiB:16KiB", "--chunk-size", "4KiB");

        ServerConfig server = command.embeddedServerConfig();

        assertThat(server.waterMark()).isEqualTo(WaterMark.parse("8KiB:16KiB"));
        assertThat(server.chunkSize()).isEqualTo(4096);
    }

    @Test
    void withoutVerificationTheReportSaysSo() {
        int exit = run("bench", "--connections", "1", "--bytes", "4MiB", "--warmup", "0s", "--no-verify");
        assertThat(exit).isZero();
        assertThat(cli.out()).contains("NOT verified").containsPattern("\\s+no\\R");
    }

    @Test
    void anUnreachableServerIsOneLineAndExitOne() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        int exit = run("bench", "--port", String.valueOf(closedPort), "--connections", "1", "--duration", "1s");
        assertThat(exit).isEqualTo(1);
        assertThat(cli.err().lines()).hasSize(1);
        assertThat(cli.err()).startsWith("capslock bench: cannot connect");
    }

    @Test
    void aServerThatDoesNotUppercaseFailsTheRowAndExitsFive() throws Exception {
        try (PlainEchoServer echo = new PlainEchoServer()) {
            int exit = run("bench", "--port", String.valueOf(echo.port()), "--connections", "1,2", "--bytes", "1MiB",
                    "--warmup", "0s");

            assertThat(exit).as(cli.err() + cli.out()).isEqualTo(5);
            assertThat(cli.out()).contains("a connection did not complete: the reply is not the payload uppercased")
                    .contains("(the server did not uppercase it)").containsPattern("\\s+mismatch\\R");
        }
    }

    /** The diagnosis under the row, and send's exit code for a stall: 3, not 5 (nothing was found wrong in a reply). */
    @Test
    void aServerThatStopsReadingStallsTheRowAndExitsThree() throws Exception {
        try (ServerSocket silent = loopbackServer()) { // never accepts: the kernel completes the handshake, nobody reads
            int exit = run("bench", "--port", String.valueOf(silent.getLocalPort()), "--connections", "1", "--duration", "1s",
                    "--warmup", "0s", "--sndbuf", "64KiB", "--rcvbuf", "64KiB");

            assertThat(exit).as(cli.err() + cli.out()).isEqualTo(3);
            assertThat(cli.out()).contains("stalled: no byte moved").contains("written have not come back")
                    .containsPattern("\\s+stalled\\R");
        }
    }

    private static ServerSocket loopbackServer() throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReceiveBufferSize(64 * 1024);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return server;
    }

    /** Checked before the run: a typo in a result file's path costs no benchmark. */
    @Test
    void anUnwritableResultFileIsAUsageErrorBeforeAnythingRuns() {
        int exit = run("bench", "--connections", "1", "--duration", "10s", "--json", dir.resolve("missing/bench.json").toString());
        assertThat(exit).isEqualTo(2);
        assertThat(cli.err().strip()).isEqualTo("capslock bench: --json " + dir.resolve("missing/bench.json")
                + ": cannot write (no such directory " + dir.resolve("missing") + ")");
        assertThat(cli.out()).isEmpty();

        assertThat(run("bench", "--connections", "1", "--chart", dir.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("--chart " + dir + ": cannot write (it is a directory)");
    }

    /** XChart, given a file name, appends ".png" when it is missing; the chart must land where the user said. */
    @Test
    void theChartIsWrittenToExactlyThePathGiven() throws Exception {
        Path chart = dir.resolve("throughput");
        int exit = run("bench", "--connections", "1", "--bytes", "1MiB", "--warmup", "0s", "--chart", chart.toString());

        assertThat(exit).as(cli.err() + cli.out()).isZero();
        assertThat(javax.imageio.ImageIO.read(chart.toFile())).isNotNull();
        assertThat(dir.resolve("throughput.png")).doesNotExist();
    }

    /**
     * A reader slower than the schedule holds the writers back through flow control (small socket buffers, so the
     * kernels cannot absorb the difference): the row says its rate was not reached, and why.
     */
    @Test
    void aRowHeldBackByItsOwnSlowReaderSaysThatIsWhy() {
        int exit = run("bench", "--connections", "1", "--rate", "2MB/s", "--read-rate", "500KB/s", "--duration", "2s",
                "--warmup", "0s", "--sndbuf", "64KiB", "--rcvbuf", "64KiB");

        assertThat(exit).as(cli.err() + cli.out()).isZero();
        assertThat(cli.out()).containsPattern("\\[ 1 conn\\] the target rate was not reached: [0-9.]+ MB/s of 2\\.0 MB/s "
                + "\\(replies are read at most 0\\.5 MB/s: flow control held the writers to that\\)");
    }
}
