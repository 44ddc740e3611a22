package capslock.common.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine;

/**
 * Runs a picocli command the capslock way: environment defaults, and every error as one line on
 * stderr with its exit code — never a stack trace.
 */
public final class CommandRunner {
    private CommandRunner() {
    }

    public static CommandLine commandLine(Object command, Map<String, String> environment) {
        CommandLine cli = new CommandLine(command);
        EnvironmentDefaults defaults = new EnvironmentDefaults(environment);
        cli.setDefaultValueProvider(defaults);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((ex, args) -> usageError(ex, defaults));
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> failure(ex, commandLine));
        return cli;
    }

    public static int run(Object command, String... args) {
        return commandLine(command, System.getenv()).execute(args);
    }

    private static int usageError(ParameterException ex, EnvironmentDefaults defaults) {
        PrintWriter err = ex.getCommandLine().getErr();
        String message = ex.getMessage();
        if (ex.getArgSpec() != null) {
            message += defaults.sourceOf(ex.getArgSpec()).map(v -> " (from environment variable " + v + ")").orElse("");
        }
        err.println(commandName(ex.getCommandLine()) + ": " + message + " (see --help)");
        err.flush();
        return ExitCodes.USAGE;
    }

    private static int failure(Exception ex, CommandLine commandLine) {
        PrintWriter err = commandLine.getErr();
        if (ex instanceof CapslockException capslock) {
            err.println(commandName(commandLine) + ": " + capslock.getMessage());
            err.flush();
            return capslock.exitCode();
        }
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        err.println(commandName(commandLine) + ": " + message);
        err.flush();
        return ExitCodes.FAILURE;
    }

    private static String commandName(CommandLine commandLine) {
        String name = commandLine.getCommandSpec().qualifiedName();
        return name.startsWith("capslock") ? name : "capslock " + name;
    }
}
