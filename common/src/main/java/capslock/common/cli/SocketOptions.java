package capslock.common.cli;

import capslock.common.WaterMark;
import capslock.common.net.Transport;
import capslock.common.net.TransportConfig;
import picocli.CommandLine.Option;

/** The transport and socket buffers: the same options, with the same meaning, on every command. */
public final class SocketOptions {
    @Option(names = "--transport", paramLabel = "TRANSPORT", defaultValue = "auto", converter = Converters.Transports.class,
            description = "auto (NIO, see docs/ARCHITECTURE.md), nio, epoll or io_uring.")
    Transport transport;

    @Option(names = "--sndbuf", paramLabel = "SIZE", defaultValue = "0", converter = Converters.SocketBuffer.class,
            description = "SO_SNDBUF (0: kernel auto-tuning).")
    int sndbuf;

    @Option(names = "--rcvbuf", paramLabel = "SIZE", defaultValue = "0", converter = Converters.SocketBuffer.class,
            description = "SO_RCVBUF (0: kernel auto-tuning).")
    int rcvbuf;

    /** These options with the command's {@code --water-mark}, as one configuration for the server's or a client's connections. */
    public TransportConfig transportConfig(WaterMark waterMark) {
        return new TransportConfig(transport, sndbuf, rcvbuf, waterMark);
    }
}
