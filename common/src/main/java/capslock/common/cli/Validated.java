package capslock.common.cli;

import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The one way a command turns its options into a configuration: configuration records check themselves and throw an
 * {@link IllegalArgumentException} naming the option; here that becomes picocli's {@link ParameterException}, which
 * {@link CommandRunner} prints as every other usage error: one line, {@code (see --help)}, exit code 2.
 */
public final class Validated {
    private Validated() {
    }

    public static <T> T of(CommandSpec spec, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }
}
