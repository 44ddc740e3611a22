package capslock.server;

import capslock.common.WaterMark;
import capslock.common.net.Transport;
import capslock.common.text.TextCharset;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Everything that shapes one server; {@code 0} socket buffers leave the kernel's auto-tuning alone, a zero
 * idle timeout turns the reaper off.
 */
public record ServerConfig(String host,
                           int port,
                           int chunkSize,
                           WaterMark waterMark,
                           boolean backpressure,
                           long maxPending,
                           TextCharset charset,
                           Transport transport,
                           int sndbuf,
                           int rcvbuf,
                           int maxConnections,
                           Duration idleTimeout) {

    public static final int DEFAULT_PORT = 1060;
    public static final int DEFAULT_CHUNK_SIZE = 1024;
    public static final long DEFAULT_MAX_PENDING = 64L << 20;
    public static final int DEFAULT_MAX_CONNECTIONS = 10_000;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);

    public ServerConfig {
        if (charset == TextCharset.UTF_8 && chunkSize < 4) {
            // A chunk must be able to hold the longest UTF-8 sequence, or the decoder could not avoid splitting it.
            throw new IllegalArgumentException("--chunk-size must be at least 4 bytes with --charset utf-8");
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("--max-connections must be at least 1");
        }
        if (idleTimeout.isNegative()) {
            throw new IllegalArgumentException("--idle-timeout must not be negative");
        }
    }

    /** Loopback, a free port, the book's defaults: what tests and in-process servers start from. */
    public static ServerConfig loopback() {
        return new ServerConfig("127.0.0.1", 0, DEFAULT_CHUNK_SIZE, WaterMark.parse(WaterMark.DEFAULT), true,
                DEFAULT_MAX_PENDING, TextCharset.ASCII, Transport.AUTO, 0, 0, DEFAULT_MAX_CONNECTIONS, DEFAULT_IDLE_TIMEOUT);
    }

    public ServerConfig withPort(int newPort) {
        return with(b -> b.port = newPort);
    }

    public ServerConfig withBackpressure(boolean on) {
        return with(b -> b.backpressure = on);
    }

    public ServerConfig withSocketBuffers(int newSndbuf, int newRcvbuf) {
        return with(b -> {
            b.sndbuf = newSndbuf;
            b.rcvbuf = newRcvbuf;
        });
    }

    public ServerConfig withCharset(TextCharset newCharset) {
        return with(b -> b.charset = newCharset);
    }

    public ServerConfig withWaterMark(WaterMark newWaterMark) {
        return with(b -> b.waterMark = newWaterMark);
    }

    public ServerConfig withChunkSize(int newChunkSize) {
        return with(b -> b.chunkSize = newChunkSize);
    }

    public ServerConfig withTransport(Transport newTransport) {
        return with(b -> b.transport = newTransport);
    }

    public ServerConfig withMaxPending(long newMaxPending) {
        return with(b -> b.maxPending = newMaxPending);
    }

    public ServerConfig withMaxConnections(int newMaxConnections) {
        return with(b -> b.maxConnections = newMaxConnections);
    }

    public ServerConfig withIdleTimeout(Duration newIdleTimeout) {
        return with(b -> b.idleTimeout = newIdleTimeout);
    }

    private ServerConfig with(Consumer<Builder> change) {
        Builder b = new Builder(this);
        change.accept(b);
        return b.build();
    }

    /** A mutable copy, so each {@code with…} names only what it changes. */
    private static final class Builder {
        String host;
        int port;
        int chunkSize;
        WaterMark waterMark;
        boolean backpressure;
        long maxPending;
        TextCharset charset;
        Transport transport;
        int sndbuf;
        int rcvbuf;
        int maxConnections;
        Duration idleTimeout;

        Builder(ServerConfig c) {
            host = c.host;
            port = c.port;
            chunkSize = c.chunkSize;
            waterMark = c.waterMark;
            backpressure = c.backpressure;
            maxPending = c.maxPending;
            charset = c.charset;
            transport = c.transport;
            sndbuf = c.sndbuf;
            rcvbuf = c.rcvbuf;
            maxConnections = c.maxConnections;
            idleTimeout = c.idleTimeout;
        }

        ServerConfig build() {
            return new ServerConfig(host, port, chunkSize, waterMark, backpressure, maxPending, charset, transport, sndbuf,
                    rcvbuf, maxConnections, idleTimeout);
        }
    }
}
