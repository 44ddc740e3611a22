package capslock.server;

import static org.assertj.core.api.Assertions.assertThat;

import capslock.common.cli.CommandRunner;
import capslock.common.net.Transport;
import capslock.common.text.TextCharset;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** The server's command line: defaults, environment variables, and one-line errors with exit code 2. */
class ServerCommandTest {
    private final StringWriter err = new StringWriter();

    private CommandLine cli(ServerCommand command, Map<String, String> env) {
        CommandLine cli = CommandRunner.commandLine(command, env);
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        return cli;
    }

    @Test
    void defaultsAreTheBooks() {
        ServerCommand command = new ServerCommand();
        cli(command, Map.of()).parseArgs();
        ServerConfig config = command.config();
        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.port()).isEqualTo(1060);
        assertThat(config.chunkSize()).isEqualTo(1024);
        assertThat(config.waterMark().low()).isEqualTo(32 * 1024);
        assertThat(config.waterMark().high()).isEqualTo(64 * 1024);
        assertThat(config.backpressure()).isTrue();
        assertThat(config.charset()).isEqualTo(TextCharset.ASCII);
        assertThat(config.transport()).isEqualTo(Transport.AUTO);
        assertThat(config.sndbuf()).isZero();
        assertThat(config.maxConnections()).isEqualTo(10_000);
        assertThat(config.idleTimeout()).isEqualTo(java.time.Duration.ofSeconds(60));
    }

    @Test
    void environmentVariablesSetOptionsAndTheCommandLineWins() {
        ServerCommand command = new ServerCommand();
        cli(command, Map.of("CAPSLOCK_PORT", "7000", "CAPSLOCK_WATER_MARK", "1KiB:2KiB", "CAPSLOCK_BACKPRESSURE", "false"))
                .parseArgs("--port", "8000");
        ServerConfig config = command.config();
        assertThat(config.port()).isEqualTo(8000);
        assertThat(config.waterMark().high()).isEqualTo(2048);
        assertThat(config.backpressure()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--port=70000             | port 70000 is out of range",
        "--port=http              | 'http' is not a port number",
        "--water-mark=64KiB:32KiB | ",
        "--water-mark=64KiB       | ",
        "--transport=carrier-pigeon | carrier-pigeon",
        "--chunk-size=12x         | 12x",
        "--chunk-size=0           | at least 1 byte",
        "--max-pending=lots       | lots",
        "--charset=latin1         | latin1",
        "--no-such-option         | --no-such-option",
        "--max-connections=0      | at least 1",
        "--max-connections=many   | many",
        "--idle-timeout=forever   | forever",
    })
    void badValuesGiveOneLineAndExitTwo(String argument, String expected) {
        int exit = cli(new ServerCommand(), Map.of()).execute(argument);
        assertThat(exit).isEqualTo(2);
        assertOneLine(expected);
    }

    @Test
    void utf8NeedsRoomForAWholeSequenceInAChunk() {
        int exit = cli(new ServerCommand(), Map.of()).execute("--charset=utf-8", "--chunk-size=3", "--port=0");
        assertThat(exit).isEqualTo(2);
        assertOneLine("--chunk-size must be at least 4 bytes");
    }

    @Test
    void aBadEnvironmentValueNamesTheVariable() {
        int exit = cli(new ServerCommand(), Map.of("CAPSLOCK_PORT", "abc")).execute();
        assertThat(exit).isEqualTo(2);
        assertOneLine("CAPSLOCK_PORT");
    }

    @Test
    void aPortInUseIsOneLineAndNonZero() {
        try (CapslockServer first = CapslockServer.start(ServerConfig.loopback())) {
            int exit = cli(new ServerCommand(), Map.of())
                    .execute("--host=127.0.0.1", "--port=" + first.port());
            assertThat(exit).isNotZero();
            assertOneLine("cannot listen on 127.0.0.1:" + first.port());
        }
    }

    private void assertOneLine(String expected) {
        String text = err.toString();
        assertThat(text.lines()).as(text).hasSize(1);
        assertThat(text).startsWith("capslock server: ").doesNotContain("Exception").doesNotContain("\tat ");
        if (expected != null) {
            assertThat(text).contains(expected);
        }
    }
}
