package capslock.demo;

import static org.assertj.core.api.Assertions.assertThat;

import capslock.CapslockCli;
import capslock.common.testing.PlainEchoServer;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code capslock demo} as a user runs it, against a server that cannot show what the demo is for. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DemoCommandTest {
    @RegisterExtension
    final CapslockCli cli = new CapslockCli();

    @TempDir
    Path dir;

    @Test
    void aServerThatDoesNotUppercaseIsNamedInEveryScenarioAndTheExitCodeIsFive() throws Exception {
        try (PlainEchoServer echo = new PlainEchoServer()) {
            int exit = cli.run("demo", "--host", "127.0.0.1", "--port", String.valueOf(echo.port()), "--bytes", "64KiB",
                    "--write-size", "1KiB", "--chart", dir.resolve("demo.png").toString());

            assertThat(exit).as(cli.err() + cli.out()).isEqualTo(5);
            assertThat(cli.out()).contains("verify failed").contains("(the server did not uppercase it)");
        }
    }
}
