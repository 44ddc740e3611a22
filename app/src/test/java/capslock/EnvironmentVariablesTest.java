package capslock;

import static org.assertj.core.api.Assertions.assertThat;

import capslock.common.cli.CommandRunner;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Each command reads only its own CAPSLOCK_<COMMAND>_<OPTION> variables, so that one command's settings never reach another. */
class EnvironmentVariablesTest {
    private static final Map<String, String> ENV = Map.of(
            "CAPSLOCK_PORT", "9999",
            "CAPSLOCK_SERVER_PORT", "7000",
            "CAPSLOCK_SEND_JSON", "true",
            "CAPSLOCK_BENCH_JSON", "/tmp/bench.json",
            "CAPSLOCK_DEMO_BYTES", "1MiB");

    private static Object option(String command, String option) {
        CommandLine cli = CommandRunner.commandLine(new Capslock(), ENV);
        cli.parseArgs(command);
        return cli.getSubcommands().get(command).getCommandSpec().findOption(option).getValue();
    }

    @Test
    void theServersPortDoesNotPointDemoOrBenchAtARunningServer() {
        assertThat(option("demo", "--port")).as("demo starts its own servers").isNull();
        assertThat(option("bench", "--port")).as("bench starts its own server").isNull();
        assertThat(option("server", "--port")).isEqualTo(7000);
        assertThat(option("send", "--port")).as("send's own default, not the server's variable").isEqualTo(1060);
    }

    @Test
    void anOptionOfTheSameNameIsReadByItsOwnCommandOnly() {
        assertThat(option("send", "--json")).isEqualTo(true);
        assertThat(option("bench", "--json")).isEqualTo(Path.of("/tmp/bench.json"));
        assertThat(option("demo", "--json")).isEqualTo(false);
        assertThat(option("demo", "--bytes")).isEqualTo(1L << 20);
    }
}
