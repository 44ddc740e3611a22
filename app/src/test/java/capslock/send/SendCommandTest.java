package capslock.send;

import capslock.client.Timeline;

import static org.assertj.core.api.Assertions.assertThat;

import capslock.CapslockCli;
import capslock.common.text.TextCharset;
import capslock.server.CapslockServer;
import capslock.server.ServerConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code capslock send} as a user runs it: files in and out, JSON and timeline, and every error as one line. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SendCommandTest {
    @RegisterExtension
    final CapslockCli cli = new CapslockCli();
    private CapslockServer server;

    @TempDir
    Path dir;


    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private int run(String... args) {
        return cli.run(args);
    }

    private String port() {
        if (server == null) {
            server = CapslockServer.start(ServerConfig.loopback());
        }
        return "--port=" + server.port();
    }

    @Test
    void aFileWithNonAsciiBytesRoundTripsUppercased() throws Exception {
        byte[] input = new byte[3 * 1024 * 1024 + 7];
        new Random(42).nextBytes(input);
        Path in = Files.write(dir.resolve("notes.bin"), input);
        Path out = dir.resolve("NOTES.bin");

        int exit = run("send", port(), "--input", in.toString(), "--output", out.toString(), "--quiet", "--write-size=4KiB");

        assertThat(exit).as(cli.err()).isZero();
        byte[] expected = input.clone();
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] >= 'a' && expected[i] <= 'z') {
                expected[i] -= 0x20;
            }
        }
        assertThat(Files.readAllBytes(out)).isEqualTo(expected);
    }

    @Test
    void utf8TextRoundTripsThroughAUtf8Server() throws Exception {
        server = CapslockServer.start(ServerConfig.loopback().withCharset(TextCharset.UTF_8));
        Path in = Files.writeString(dir.resolve("de.txt"), "Die Straße, ǆungla, ﬁn.\n".repeat(5000));
        Path out = dir.resolve("DE.txt");

        int exit = run("send", port(), "--input", in.toString(), "--output", out.toString(), "--charset=utf-8", "--quiet");

        assertThat(exit).as(cli.err()).isZero();
        assertThat(Files.readString(out)).isEqualTo("DIE STRASSE, ǄUNGLA, FIN.\n".repeat(5000));
    }

    @Test
    void aTransferOfAFewBytesStillHasItsLatency() throws Exception {
        Path in = Files.writeString(dir.resolve("hello.txt"), "hello, world\n");

        int exit = run("send", port(), "--input", in.toString(), "--json");

        assertThat(exit).as(cli.err()).isZero();
        JsonNode latency = new ObjectMapper().readTree(cli.out()).get("latency");
        assertThat(latency.get("marks").asLong()).as("its one write is marked").isEqualTo(1);
        assertThat(latency.get("p50Ms").asDouble()).isPositive();
    }

    @Test
    void jsonAndTimelineDescribeTheTransfer() throws Exception {
        Path timeline = dir.resolve("t.csv");
        int exit = run("send", port(), "--bytes=4MiB", "--json", "--timeline", timeline.toString());

        assertThat(exit).as(cli.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(cli.out());
        assertThat(json.get("outcome").asText()).isEqualTo("completed");
        assertThat(json.get("received").asLong()).isEqualTo(4L << 20);
        assertThat(json.get("writer").asText()).isEqualTo("watermark");
        assertThat(json.has("peakQueuedNetty")).isTrue();
        JsonNode latency = json.get("latency");
        assertThat(latency.get("marks").asLong()).as("the first write, then a mark every 4 KiB")
                .isEqualTo(1 + (4L << 20) / 4096);
        assertThat(latency.get("p50Ms").asDouble()).isPositive();
        assertThat(latency.get("p99Ms").asDouble()).isGreaterThanOrEqualTo(latency.get("p50Ms").asDouble());
        assertThat(latency.get("maxMs").asDouble()).isGreaterThanOrEqualTo(latency.get("p999Ms").asDouble());
        assertThat(latency.get("oldestUnansweredMs").isNull()).isTrue();
        List<String> rows = Files.readAllLines(timeline);
        assertThat(rows.get(0)).isEqualTo(Timeline.HEADER);
        assertThat(rows.get(rows.size() - 1)).contains(",4194304,");
    }

    @Test
    void theNaiveModeTripsTheMemoryGuardWithExitFour() {
        int exit = run("send", port(), "--mode=naive", "--bytes=1GiB", "--max-pending=8MiB", "--quiet");

        assertThat(exit).isEqualTo(4);
        assertThat(cli.out()).contains("memory guard").contains("--writer watermark");
    }

    @Test
    void anUnreachableServerIsOneLineAndExitOne() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        int exit = run("send", "--port=" + closedPort, "--quiet");

        assertThat(exit).isEqualTo(1);
        assertOneLine("cannot connect to 127.0.0.1:" + closedPort);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--bytes=lots                 | Invalid value for option '--bytes': 'lots' is not a size",
        "--bytes=0                    | Invalid value for option '--bytes': '0' must be at least 1 byte",
        "--writer=sloppy              | Invalid value for option '--writer': expected one of [NAIVE, WATERMARK] (case-insensitive) but was 'sloppy'",
        "--mode=fast                  | Invalid value for option '--mode': expected one of [NAIVE, BACKPRESSURE] (case-insensitive) but was 'fast'",
        "--water-mark=1KiB            | Invalid value for option '--water-mark': '1KiB' is not LOW:HIGH (example: 32KiB:64KiB)",
        "--stall-timeout=soon         | Invalid value for option '--stall-timeout': 'soon' is not a duration",
        "--stall-timeout=0            | capslock send: --stall-timeout must be positive (see --help)",
        "--write-size=0               | Invalid value for option '--write-size': '0' must be at least 1 byte",
        "--max-pending=0              | Invalid value for option '--max-pending': '0' must be at least 1 byte",
        "--rate=fast                  | Invalid value for option '--rate': 'fast' is not a rate (examples: 200MB/s, 1.5GB/s, 64KiB/s, 10Gbit/s)",
        "--read-rate=0MB/s            | Invalid value for option '--read-rate': '0MB/s' is below one byte per second",
        "--input=/no/such/file        | capslock send: --input /no/such/file: no such file",
        "--port=99999                 | Invalid value for option '--port': port 99999 is out of range (0-65535)",
        "--port=0                     | capslock send: --port 0 is out of range (1-65535) (see --help)",
    })
    void badOptionsAreOneLineAndExitTwo(String option, String expected) {
        int exit = run("send", option, "--quiet");
        assertThat(exit).isEqualTo(2);
        assertOneLine(expected);
    }

    @Test
    void bytesAndInputTogetherAreAUsageError() {
        int exit = run("send", "--bytes=1KiB", "--input=-");
        assertThat(exit).isEqualTo(2);
        assertOneLine("cannot be used together");
    }

    private void assertOneLine(String expected) {
        String text = cli.err();
        assertThat(text.lines()).as(text).hasSize(1);
        assertThat(text).startsWith("capslock send: ").doesNotContain("Exception").doesNotContain("\tat ");
        if (expected != null) {
            assertThat(text).contains(expected);
        }
    }
}
