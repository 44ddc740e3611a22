package capslock.common.net;

import capslock.common.WaterMark;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.ChannelOption;

/**
 * How a connection is carried, the same for the server's accepted connections and a client's: the transport, the
 * socket buffers ({@code 0} leaves the kernel's auto-tuning alone) and the write-buffer water marks. {@link #applyTo}
 * is the one place those become channel options.
 */
public record TransportConfig(Transport transport, int sndbuf, int rcvbuf, WaterMark waterMark) {

    public TransportConfig {
        if (transport == null || waterMark == null) {
            throw new IllegalArgumentException("a transport and water marks are required");
        }
        if (sndbuf < 0 || rcvbuf < 0) {
            throw new IllegalArgumentException("socket buffer sizes must not be negative (0: the kernel's auto-tuning)");
        }
    }

    /** AUTO, the kernel's socket buffers, water marks {@value WaterMark#DEFAULT}. */
    public static TransportConfig defaults() {
        return new TransportConfig(Transport.AUTO, 0, 0, WaterMark.defaults());
    }

    public TransportConfig withTransport(Transport newTransport) {
        return new TransportConfig(newTransport, sndbuf, rcvbuf, waterMark);
    }

    public TransportConfig withSocketBuffers(int newSndbuf, int newRcvbuf) {
        return new TransportConfig(transport, newSndbuf, newRcvbuf, waterMark);
    }

    public TransportConfig withWaterMark(WaterMark newWaterMark) {
        return new TransportConfig(transport, sndbuf, rcvbuf, newWaterMark);
    }

    /**
     * How many event loops serve connections by default, on the server and in bench's client alike: one per CPU the
     * JVM sees (a container's CPU limit included). Netty's own default is twice that; on a machine shared with the
     * peer, the extra loops only add context switches (docs/PERFORMANCE.md, "One I/O thread per CPU").
     */
    public static int loopsPerCpu() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** The event loops and channel classes for {@link #transport()}; an unavailable native transport is an exception. */
    public TransportFactory resolve() {
        return TransportFactory.resolve(transport);
    }

    /**
     * Sets the accepted connections' options. The receive buffer is set on the listening socket too: the window is
     * agreed during the handshake, before {@code accept()} hands the connection over.
     */
    public ServerBootstrap applyTo(ServerBootstrap bootstrap) {
        bootstrap.childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark.toNetty());
        if (sndbuf > 0) {
            bootstrap.childOption(ChannelOption.SO_SNDBUF, sndbuf);
        }
        if (rcvbuf > 0) {
            bootstrap.option(ChannelOption.SO_RCVBUF, rcvbuf);
            bootstrap.childOption(ChannelOption.SO_RCVBUF, rcvbuf);
        }
        return bootstrap;
    }

    /** Sets a client connection's options. */
    public Bootstrap applyTo(Bootstrap bootstrap) {
        bootstrap.option(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark.toNetty());
        if (sndbuf > 0) {
            bootstrap.option(ChannelOption.SO_SNDBUF, sndbuf);
        }
        if (rcvbuf > 0) {
            bootstrap.option(ChannelOption.SO_RCVBUF, rcvbuf);
        }
        return bootstrap;
    }

    /** "nio, water marks 32 KiB:64 KiB" plus the socket buffers where set, for reports. */
    public String describe() {
        return transport.label() + ", water marks " + waterMark
                + (sndbuf > 0 ? ", SO_SNDBUF " + capslock.common.Sizes.format(sndbuf) : "")
                + (rcvbuf > 0 ? ", SO_RCVBUF " + capslock.common.Sizes.format(rcvbuf) : "");
    }
}
