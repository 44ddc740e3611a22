package capslock.bench;

import static org.assertj.core.api.Assertions.assertThat;

import capslock.CapslockCli;
import capslock.common.testing.SlowUppercaseServer;
import capslock.server.CapslockServer;
import capslock.server.ServerConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Byte latency measured against servers that are slow on purpose: the only timing asserted is the gross, deliberate
 * delay those servers add (50 ms, a 1 s pause), never the speed of this machine.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LatencyMeasurementTest {
    @RegisterExtension
    final CapslockCli cli = new CapslockCli();

    @TempDir
    Path dir;

    private JsonNode json(Path file) throws Exception {
        return new ObjectMapper().readTree(file.toFile());
    }

    @Test
    void everyByteHeldFiftyMillisecondsShowsAtLeastThatInTheMedian() throws Exception {
        try (SlowUppercaseServer server = SlowUppercaseServer.delaying(Duration.ofMillis(50))) {
            int exit = cli.run("send", "--port", String.valueOf(server.port()), "--bytes", "256KiB", "--write-size", "1KiB",
                    "--json", "--quiet");

            assertThat(exit).as(cli.err() + cli.out()).isZero();
            JsonNode latency = new ObjectMapper().readTree(cli.out()).get("latency");
            assertThat(latency.get("marks").asLong()).as("the first 1 KiB write, then every 4 KiB").isEqualTo(1 + 64);
            assertThat(latency.get("p50Ms").asDouble()).isGreaterThanOrEqualTo(50.0);
            assertThat(latency.get("maxMs").asDouble()).isGreaterThanOrEqualTo(latency.get("p50Ms").asDouble());
        }
    }

    /**
     * wrk2's point: a server that stops reading for a second stops an open-loop writer too, and the bytes it could not
     * send on time are charged the delay. Counted from when they went out (what a closed-loop tool sees), only the
     * few bytes already in the socket buffers waited, and the 99th percentile hides the pause. The same on NIO, whose
     * writers a pacer thread wakes, and on epoll, whose event loop sleeps until each write is due.
     */
    @ParameterizedTest
    @ValueSource(strings = {"nio", "epoll"})
    void aOneSecondPauseShowsInTheCorrectedP99AndNotInTheUncorrectedOne(String transport) throws Exception {
        Path result = dir.resolve("rate.json");
        try (SlowUppercaseServer server = SlowUppercaseServer.pausing(16L << 20, Duration.ofSeconds(1))) {
            int exit = cli.run("bench", "--port", String.valueOf(server.port()), "--connections", "1", "--rate", "16MB/s",
                    "--duration", "5s", "--warmup", "0s", "--write-size", "16KiB", "--water-mark", "16KiB:32KiB",
                    "--sndbuf", "64KiB", "--rcvbuf", "64KiB", "--transport", transport, "--json", result.toString());

            assertThat(exit).as(cli.err() + cli.out()).isZero();
            JsonNode row = json(result).get("rows").get(0);
            System.err.printf("figure: 1 s pause at 16 MB/s, %s: p99 %.1f ms from when due, %.1f ms from when sent (max %.1f)%n",
                    transport, row.get("latency").get("p99Ms").asDouble(), row.get("uncorrectedLatency").get("p99Ms").asDouble(),
                    row.get("uncorrectedLatency").get("maxMs").asDouble());
            assertThat(row.get("mode").asText()).isEqualTo("rate");
            assertThat(row.get("targetMegabytesPerSecond").asDouble()).isEqualTo(16.0);
            assertThat(row.get("latency").get("p99Ms").asDouble()).as("corrected p99").isGreaterThanOrEqualTo(700.0);
            assertThat(row.get("uncorrectedLatency").get("p99Ms").asDouble()).as("uncorrected p99").isLessThan(300.0);
            assertThat(row.get("uncorrectedLatency").get("maxMs").asDouble()).as("the bytes in flight did wait")
                    .isGreaterThanOrEqualTo(700.0);
            assertThat(cli.out()).contains("target 16.0 MB/s on a schedule: reached");
        }
    }

    @Test
    void roundTripsAreCountedAsTheServerSawThem() throws Exception {
        Path result = dir.resolve("rtt.json");
        try (CapslockServer server = CapslockServer.start(ServerConfig.loopback())) {
            int exit = cli.run("bench", "--port", String.valueOf(server.port()), "--rtt", "--connections", "1,2",
                    "--duration", "1s", "--warmup", "0s", "--json", result.toString());

            assertThat(exit).as(cli.err() + cli.out()).isZero();
            List<JsonNode> rows = List.of(json(result).get("rows").get(0), json(result).get("rows").get(1));
            long roundTrips = rows.stream().mapToLong(r -> r.get("roundTrips").asLong()).sum();
            assertThat(roundTrips).isPositive();
            assertThat(server.stats().bytesIn()).as("16 bytes per round trip reached the server").isEqualTo(16 * roundTrips);
            for (JsonNode row : rows) {
                assertThat(row.get("mode").asText()).isEqualTo("rtt");
                assertThat(row.get("latency").get("marks").asLong()).isEqualTo(row.get("roundTrips").asLong());
                assertThat(row.get("roundTripsPerSecond").asDouble())
                        .isCloseTo(row.get("roundTrips").asLong() / row.get("seconds").asDouble(), org.assertj.core.data.Percentage.withPercentage(25));
            }
            assertThat(cli.out()).contains("round trips/s").contains("p50 / p90 / p99 / p99.9");
        }
    }

    @Test
    void eachRowsHistogramIsWrittenInHdrHistogramsTextFormat() throws Exception {
        int exit = cli.run("bench", "--connections", "1,2", "--bytes", "2MiB", "--warmup", "0s", "--histogram", dir.toString());

        assertThat(exit).as(cli.err() + cli.out()).isZero();
        for (String name : List.of("throughput-1conn.hgrm", "throughput-2conn.hgrm")) {
            List<String> lines = Files.readAllLines(dir.resolve(name));
            assertThat(lines.get(0).trim()).startsWith("Value").contains("Percentile").contains("TotalCount");
            assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("#[Max"));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--rate=fast              | capslock bench: Invalid value for option '--rate': 'fast' is not a rate (examples: 200MB/s, 1.5GB/s, 64KiB/s, 10Gbit/s) (see --help)",
        "--rate=0                 | capslock bench: Invalid value for option '--rate': '0' is below one byte per second (see --help)",
        "--rate=-5MB/s            | capslock bench: Invalid value for option '--rate': '-5MB/s' is not a rate (examples: 200MB/s, 1.5GB/s, 64KiB/s, 10Gbit/s) (see --help)",
    })
    void badRatesAreOneLineAndExitTwo(String option, String expected) {
        assertThat(cli.run("bench", option)).isEqualTo(2);
        assertThat(cli.err().strip()).isEqualTo(expected);
    }

    /** Checked before anything runs: a row in which no write would be due measures nothing (5 alone is 5 B/s). */
    @Test
    void aRateTooLowForOneWriteInTheRowIsAUsageError() {
        assertThat(cli.run("bench", "--rate", "5", "--connections", "1,16")).isEqualTo(2);
        assertThat(cli.err().strip()).isEqualTo("capslock bench: --rate 5 B/s is too low: spread over 16 connections it "
                + "is one 64 KiB write every 58.3 h on each, less than one in --duration 10s (raise --rate or --duration, "
                + "or lower --write-size) (see --help)");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void roundTripsTakeNoRate() {
        assertThat(cli.run("bench", "--rtt", "--rate", "1MB/s")).isEqualTo(2);
        assertThat(cli.err().strip()).isEqualTo("capslock bench: --rtt measures round trips for --duration: it takes neither "
                + "--rate nor --bytes (see --help)");
    }
}
