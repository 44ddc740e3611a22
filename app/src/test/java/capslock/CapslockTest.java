package capslock;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The top-level command: without a subcommand it is a usage error; --help is not. */
class CapslockTest {
    @RegisterExtension
    final CapslockCli cli = new CapslockCli();

    @Test
    void noCommandIsAUsageErrorWithTheUsageOnStderr() {
        assertThat(cli.run()).isEqualTo(2);
        assertThat(cli.err()).contains("Usage: capslock").contains("bench");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void helpExitsZero() {
        assertThat(cli.run("--help")).isZero();
    }
}
