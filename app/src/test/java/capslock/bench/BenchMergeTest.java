package capslock.bench;

import static org.assertj.core.api.Assertions.assertThat;

import capslock.CapslockCli;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench --merge} on real {@code --json} results of two runs, as two pods of a Kubernetes Job would write them. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class BenchMergeTest {
    @TempDir
    static Path dir;
    static Path first;
    static Path second;

    @RegisterExtension
    final CapslockCli cli = new CapslockCli();

    @BeforeAll
    static void twoRuns() {
        first = dir.resolve("pod-0.json");
        second = dir.resolve("pod-1.json");
        for (Path file : new Path[] {first, second}) {
            CapslockCli run = new CapslockCli();
            run.beforeEach(null);
            try {
                int exit = run.run("bench", "--connections", "1,2", "--bytes", "2MiB", "--warmup", "0s", "--json", file.toString());
                assertThat(exit).as(run.err()).isZero();
            } finally {
                run.afterEach(null);
            }
        }
    }

    private static JsonNode rows(Path file) throws Exception {
        return new ObjectMapper().readTree(file.toFile()).get("rows");
    }

    @Test
    void rowsOfTheSameConnectionCountAddUpAndTheirHistogramsMerge() throws Exception {
        Path merged = dir.resolve("merged.json");
        int exit = cli.run("bench", "--merge", first.toString(), second.toString(), "--json", merged.toString());

        assertThat(exit).as(cli.err()).isZero();
        JsonNode a = rows(first);
        JsonNode b = rows(second);
        JsonNode m = rows(merged);
        assertThat(m).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(m.get(i).get("connections").asInt()).isEqualTo(a.get(i).get("connections").asInt() * 2);
            assertThat(m.get(i).get("bytes").asLong()).isEqualTo(a.get(i).get("bytes").asLong() + b.get(i).get("bytes").asLong());
            assertThat(m.get(i).get("megabytesPerSecond").asDouble()).isCloseTo(a.get(i).get("megabytesPerSecond").asDouble()
                    + b.get(i).get("megabytesPerSecond").asDouble(), org.assertj.core.data.Offset.offset(1e-6));
            assertThat(m.get(i).get("perConnection")).hasSize(m.get(i).get("connections").asInt());
            assertThat(m.get(i).get("latency").get("marks").asLong())
                    .isEqualTo(a.get(i).get("latency").get("marks").asLong() + b.get(i).get("latency").get("marks").asLong());
            assertThat(m.get(i).get("verified").asBoolean()).isTrue();
        }
        assertThat(cli.out()).contains("2 result(s) merged").contains("per conn MB/s min/med/max");
    }

    @Test
    void resultsComeFromStandardInputToo() throws Exception {
        System.setIn(Files.newInputStream(first));
        try {
            assertThat(cli.run("bench", "--merge", "-")).as(cli.err()).isZero();
        } finally {
            System.setIn(System.in);
        }
        assertThat(cli.out()).contains("1 result(s) merged: -");
    }

    /** What kubectl logs gives for a bench pod: the incubator warning and the progress (stderr) around the JSON line. */
    @Test
    void aPodsLogWithTheResultLineInItWillDo() throws Exception {
        CapslockCli run = new CapslockCli();
        run.beforeEach(null);
        try {
            assertThat(run.run("bench", "--connections", "1", "--bytes", "1MiB", "--warmup", "0s", "--json", "-")).isZero();
        } finally {
            run.afterEach(null);
        }
        String json = run.out().strip();
        assertThat(json.lines()).as("one line on standard output: the result").hasSize(1);
        Path log = dir.resolve("pod.log");
        Files.writeString(log, "WARNING: Using incubator modules: jdk.incubator.vector\ncapslock bench: ...\n"
                + "  [ 1 conn]    0.0-1.0    s     1,048,576 B  100.0 MB/s\n" + json + "\n");
        assertThat(cli.run("bench", "--merge", log.toString())).as(cli.err()).isZero();
        assertThat(cli.out()).contains("1 result(s) merged");
    }

    @Test
    void aFileThatIsNotABenchResultIsOneLineAndExitTwo() throws Exception {
        Path other = dir.resolve("other.json");
        Files.writeString(other, "{\"hello\": 1}");
        assertThat(cli.run("bench", "--merge", other.toString())).isEqualTo(2);
        assertThat(cli.err().strip()).isEqualTo("capslock bench: --merge " + other + " is not a capslock bench --json result (no \"rows\")");
        assertThat(cli.run("bench", "--merge", dir.resolve("missing.json").toString())).isEqualTo(2);
        assertThat(cli.err()).contains("--merge " + dir.resolve("missing.json") + ": cannot read (no such file or directory)");
    }

    @Test
    void mergingMeasuresNothing() {
        assertThat(cli.run("bench", "--merge", first.toString(), "--port", "1060")).isEqualTo(2);
        assertThat(cli.err()).contains("--merge combines results: it measures nothing");
    }
}
