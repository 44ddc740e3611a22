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
        assertThat(config.transport().transport()).isEqualTo(Transport.AUTO);
        assertThat(config.transport().sndbuf()).isZero();
        assertThat(config.transport().rcvbuf()).isZero();
        assertThat(config.maxConnections()).isEqualTo(10_000);
        assertThat(config.idleTimeout()).isEqualTo(java.time.Duration.ofSeconds(60));
        assertThat(config.ioThreads()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void ioThreadsCanBeSetOnTheCommandLineOrInTheEnvironment() {
        ServerCommand command = new ServerCommand();
        cli(command, Map.of()).parseArgs("--io-threads", "3");
        assertThat(command.config().ioThreads()).isEqualTo(3);
        ServerCommand fromEnv = new ServerCommand();
        cli(fromEnv, Map.of("CAPSLOCK_SERVER_IO_THREADS", "5")).parseArgs();
        assertThat(fromEnv.config().ioThreads()).isEqualTo(5);
    }

    @Test
    void environmentVariablesNamedForTheCommandSetOptionsAndTheCommandLineWins() {
        ServerCommand command = new ServerCommand();
        cli(command, Map.of("CAPSLOCK_SERVER_PORT", "7000", "CAPSLOCK_SERVER_WATER_MARK", "1KiB:2KiB",
                "CAPSLOCK_SERVER_BACKPRESSURE", "false")).parseArgs("--port", "8000");
        ServerConfig config = command.config();
        assertThat(config.port()).isEqualTo(8000);
        assertThat(config.waterMark().high()).isEqualTo(2048);
        assertThat(config.backpressure()).isFalse();
    }

    @Test
    void aVariableWithoutTheCommandsNameIsNotReadAndTheCommandSaysSo() {
        ServerCommand command = new ServerCommand();
        CommandLine cli = cli(command, Map.of("CAPSLOCK_CHUNK_SIZE", "12x"));
        cli.setExecutionStrategy(parseResult -> 0);
        cli.parseArgs();
        assertThat(command.config().chunkSize()).isEqualTo(1024);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--port=70000               | Invalid value for option '--port': port 70000 is out of range (0-65535)",
        "--port=http                | Invalid value for option '--port': 'http' is not a port number",
        "--admin-port=-1            | Invalid value for option '--admin-port': port -1 is out of range (0-65535)",
        "--water-mark=64KiB:32KiB   | Invalid value for option '--water-mark': low water mark 64 KiB is above the high water mark 32 KiB",
        "--water-mark=64KiB         | Invalid value for option '--water-mark': '64KiB' is not LOW:HIGH (example: 32KiB:64KiB)",
        "--transport=carrier-pigeon | Invalid value for option '--transport': 'carrier-pigeon' is not a transport (auto, nio, epoll, io_uring)",
        "--chunk-size=12x           | Invalid value for option '--chunk-size': '12x' is not a size (examples: 1024, 64KiB, 1MiB, 1GiB)",
        "--chunk-size=0             | Invalid value for option '--chunk-size': '0' must be at least 1 byte",
        "--max-pending=lots         | Invalid value for option '--max-pending': 'lots' is not a size",
        "--max-pending=0            | Invalid value for option '--max-pending': '0' must be at least 1 byte",
        "--sndbuf=3GiB              | Invalid value for option '--sndbuf': '3GiB' is too large (at most 2 GiB - 1)",
        "--rcvbuf=big               | Invalid value for option '--rcvbuf': 'big' is not a size",
        "--charset=latin1           | Invalid value for option '--charset': 'latin1' is not a charset (ascii, utf-8)",
        "--no-such-option           | Unknown option: '--no-such-option'",
        "--max-connections=0        | --max-connections must be at least 1",
        "--max-connections=many     | Invalid value for option '--max-connections': 'many' is not an int",
        "--io-threads=-1            | --io-threads must be from 1 to 1024, or 0 for one per CPU",
        "--io-threads=1025          | --io-threads must be from 1 to 1024, or 0 for one per CPU",
        "--io-threads=two           | Invalid value for option '--io-threads': 'two' is not an int",
        "--idle-timeout=forever     | Invalid value for option '--idle-timeout': 'forever' is not a duration (examples: 500ms, 5s, 2m)",
        "--drain-timeout=soon       | Invalid value for option '--drain-timeout': 'soon' is not a duration (examples: 500ms, 5s, 2m)",
        "--log-format=xml           | Invalid value for option '--log-format': 'xml' is not a log format (text or json)",
    })
    void badValuesGiveOneLineAndExitTwo(String argument, String expected) {
        int exit = cli(new ServerCommand(), Map.of()).execute(argument);
        assertThat(exit).isEqualTo(2);
        assertOneLine(expected);
        assertThat(err.toString()).endsWith(" (see --help)" + System.lineSeparator());
    }

    @Test
    void utf8NeedsRoomForAWholeSequenceInAChunk() {
        int exit = cli(new ServerCommand(), Map.of()).execute("--charset=utf-8", "--chunk-size=3", "--port=0");
        assertThat(exit).isEqualTo(2);
        assertOneLine("capslock server: --chunk-size must be at least 4 bytes with --charset utf-8 (see --help)");
    }

    @Test
    void aBadEnvironmentValueNamesTheVariable() {
        int exit = cli(new ServerCommand(), Map.of("CAPSLOCK_SERVER_PORT", "abc")).execute();
        assertThat(exit).isEqualTo(2);
        assertOneLine("capslock server: Invalid value for option '--port': 'abc' is not a port number "
                + "(from environment variable CAPSLOCK_SERVER_PORT) (see --help)");
    }

    @Test
    void aPortInUseIsOneLineAndExitOne() {
        try (CapslockServer first = CapslockServer.start(ServerConfig.loopback())) {
            int exit = cli(new ServerCommand(), Map.of())
                    .execute("--host=127.0.0.1", "--port=" + first.port(), "--admin-port=0");
            assertThat(exit).isEqualTo(1);
            assertOneLine("capslock server: cannot listen on 127.0.0.1:" + first.port() + ": ");
            assertThat(err.toString()).containsIgnoringCase("address already in use");
        }
    }

    @Test
    void helpListsTheExitCodes() {
        StringWriter out = new StringWriter();
        CommandLine cli = cli(new ServerCommand(), Map.of());
        cli.setOut(new PrintWriter(out, true));
        assertThat(cli.execute("--help")).isZero();
        assertThat(out.toString()).contains("Exit codes:").contains("1   Could not listen (port in use, address not available).");
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
