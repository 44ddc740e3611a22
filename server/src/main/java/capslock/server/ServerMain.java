package capslock.server;

import capslock.common.cli.CommandRunner;

/** Entry point of {@code capslock-server.jar}. */
public final class ServerMain {
    private ServerMain() {
    }

    public static void main(String[] args) {
        System.exit(CommandRunner.run(new ServerCommand(), args));
    }
}
