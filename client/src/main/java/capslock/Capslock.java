package capslock;

import capslock.bench.BenchCommand;
import capslock.client.SendCommand;
import capslock.common.cli.CommandRunner;
import capslock.common.cli.VersionProvider;
import capslock.demo.DemoCommand;
import capslock.server.ServerCommand;
import picocli.CommandLine.Command;

/** The {@code capslock} command: one jar for the server and every client subcommand. */
@Command(name = "capslock", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "See, teach and measure TCP backpressure with an uppercase service.",
        subcommands = {ServerCommand.class, SendCommand.class, DemoCommand.class, BenchCommand.class})
public final class Capslock implements Runnable {

    public static void main(String[] args) {
        System.exit(CommandRunner.run(new Capslock(), args));
    }

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }
}
