package capslock.send;

import capslock.common.Protocol;
import capslock.common.cli.Converters;
import capslock.common.cli.SocketOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where {@code send} connects, and how. */
final class ConnectionOptions {
    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1", description = "Server address.")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = Protocol.PORT_TEXT, converter = Converters.Port.class,
            description = "Server port.")
    int port;

    @Mixin
    SocketOptions socket;
}
