package capslock.common.cli;

import capslock.common.Errors;
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
        cli.setExecutionStrategy(parseResult -> {
            CommandLine executed = parseResult.asCommandLineList().get(parseResult.asCommandLineList().size() - 1);
            for (String variable : defaults.ignored()) {
                executed.getErr().println(commandName(executed) + ": warning: ignoring " + variable
                        + ": each command reads its own CAPSLOCK_<COMMAND>_<OPTION> variables");
            }
            return new CommandLine.RunLast().execute(parseResult);
        });
        listExitCodes(cli);
        return cli;
    }

    /** Every command's --help ends with the exit codes it can return, from {@link ExitCodes}. */
    private static void listExitCodes(CommandLine cli) {
        cli.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(ExitCodes.help(cli.getCommandName()));
        cli.getSubcommands().values().forEach(CommandRunner::listExitCodes);
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
        err.println(commandName(commandLine) + ": " + Errors.describe(ex));
        err.flush();
        return ExitCodes.FAILURE;
    }

    private static String commandName(CommandLine commandLine) {
        String name = commandLine.getCommandSpec().qualifiedName();
        return name.startsWith("capslock") ? name : "capslock " + name;
    }
}
