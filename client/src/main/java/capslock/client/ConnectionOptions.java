package capslock.client;

import capslock.common.cli.Converters;
import capslock.common.net.Transport;
import picocli.CommandLine.Option;

/** Where to connect and how: shared by the client subcommands. */
public final class ConnectionOptions {
    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1", description = "Server address.")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "1060", converter = Converters.Port.class,
            description = "Server port.")
    int port;

    @Option(names = "--transport", paramLabel = "TRANSPORT", defaultValue = "auto", converter = Converters.Transports.class,
            description = "auto, nio, epoll or io_uring.")
    Transport transport;

    @Option(names = "--sndbuf", paramLabel = "SIZE", defaultValue = "0", converter = Converters.SocketBuffer.class,
            description = "SO_SNDBUF (0: kernel auto-tuning).")
    int sndbuf;

    @Option(names = "--rcvbuf", paramLabel = "SIZE", defaultValue = "0", converter = Converters.SocketBuffer.class,
            description = "SO_RCVBUF (0: kernel auto-tuning).")
    int rcvbuf;
}
