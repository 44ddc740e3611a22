package capslock;

import static org.assertj.core.api.Assertions.assertThat;

import capslock.common.cli.CommandRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * docs/CLI.md is every command's --help, generated from the picocli model, so that the reference cannot drift from
 * the code: this test fails when they differ, and {@code -Dcapslock.writeCliReference=true} rewrites the file.
 */
class CliReferenceTest {
    static final Path FILE = Path.of(System.getProperty("user.dir")).getParent().resolve("docs/CLI.md");

    static String reference() {
        CommandLine cli = CommandRunner.commandLine(new Capslock(), Map.of());
        cli.setUsageHelpWidth(110);
        StringBuilder text = new StringBuilder("""
                # capslock command reference

                Every command's `--help`, generated from the code (`CliReferenceTest`; see docs/CONTRIBUTING.md to
                regenerate). Sizes are written `1024`, `64KiB`, `1MiB` (binary); durations `500ms`, `5s`, `2m`; rates
                `200MB/s` (decimal), `64KiB/s`, `10Gbit/s`. Every option can also be set as an environment variable
                `CAPSLOCK_<COMMAND>_<OPTION>`, e.g. `CAPSLOCK_SERVER_WATER_MARK=32KiB:64KiB`; the command line wins.
                `CAPSLOCK_JAVA_OPTS` passes options to the JVM that `./capslock` and the container images start.

                """);
        text.append("## capslock\n\n```text\n").append(cli.getUsageMessage(CommandLine.Help.Ansi.OFF)).append("```\n");
        for (Map.Entry<String, CommandLine> sub : cli.getSubcommands().entrySet()) {
            sub.getValue().setUsageHelpWidth(110);
            text.append("\n## capslock ").append(sub.getKey()).append("\n\n```text\n")
                    .append(sub.getValue().getUsageMessage(CommandLine.Help.Ansi.OFF)).append("```\n");
        }
        return text.toString();
    }

    @Test
    void docsCliMdIsTheCommandsHelp() throws Exception {
        String generated = reference();
        if (Boolean.getBoolean("capslock.writeCliReference")) {
            Files.writeString(FILE, generated);
        }
        assertThat(Files.readString(FILE)).as("docs/CLI.md is stale: regenerate it (docs/CONTRIBUTING.md)").isEqualTo(generated);
    }
}
