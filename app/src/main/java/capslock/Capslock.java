package capslock;

import capslock.bench.BenchCommand;
import capslock.common.cli.CommandRunner;
import capslock.common.cli.ExitCodes;
import capslock.common.cli.VersionProvider;
import capslock.demo.DemoCommand;
import capslock.send.SendCommand;
import capslock.server.ServerCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code capslock} command: one jar for the server and every client subcommand. Its command attributes (help and
 * version options, option order, defaults shown) are inherited by every subcommand ({@code scope = INHERIT}).
 */
@Command(name = "capslock", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class, sortOptions = false, showDefaultValues = true,
        description = "See, teach and measure TCP backpressure with an uppercase service.",
        subcommands = {ServerCommand.class, SendCommand.class, DemoCommand.class, BenchCommand.class})
public final class Capslock implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(CommandRunner.run(new Capslock(), args));
    }

    /** No command is an incomplete command line: the usage goes to stderr and the exit code says so (--help exits 0). */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
