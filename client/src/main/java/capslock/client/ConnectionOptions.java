package capslock.client;

import capslock.common.cli.Converters;
import capslock.common.cli.SocketOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where to connect and how: shared by the client subcommands. */
public final class ConnectionOptions {
    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1", description = "Server address.")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "1060", converter = Converters.Port.class,
            description = "Server port.")
    int port;

    @Mixin
    SocketOptions socket;



}
