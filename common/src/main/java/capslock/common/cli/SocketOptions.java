package capslock.common.cli;

import capslock.common.net.Transport;
import picocli.CommandLine.Option;

/** The transport and socket buffers: the same options, with the same meaning, on every command. */
public final class SocketOptions {
    @Option(names = "--transport", paramLabel = "TRANSPORT", defaultValue = "auto", converter = Converters.Transports.class,
            description = "auto (NIO, see docs/ARCHITECTURE.md), nio, epoll or io_uring.")
    public Transport transport;

    @Option(names = "--sndbuf", paramLabel = "SIZE", defaultValue = "0", converter = Converters.SocketBuffer.class,
            description = "SO_SNDBUF (0: kernel auto-tuning).")
    public int sndbuf;

    @Option(names = "--rcvbuf", paramLabel = "SIZE", defaultValue = "0", converter = Converters.SocketBuffer.class,
            description = "SO_RCVBUF (0: kernel auto-tuning).")
    public int rcvbuf;
}
