package capslock.server;

import capslock.common.Protocol;
import capslock.common.WaterMark;
import capslock.common.net.Transport;
import capslock.common.net.TransportConfig;
import capslock.common.text.TextCharset;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Everything that shapes one server. Checks itself: a value that makes no sense is an {@link IllegalArgumentException}
 * naming the option, which the command line reports as a usage error. A zero idle timeout turns the reaper off.
 */
public record ServerConfig(String host,
                           int port,
                           int chunkSize,
                           boolean backpressure,
                           long maxPending,
                           TextCharset charset,
                           TransportConfig transport,
                           int maxConnections,
                           Duration idleTimeout,
                           int ioThreads) {

    public static final long DEFAULT_MAX_PENDING = 64L << 20;
    public static final String DEFAULT_MAX_PENDING_TEXT = "64MiB";
    public static final int DEFAULT_MAX_CONNECTIONS = 10_000;
    public static final String DEFAULT_MAX_CONNECTIONS_TEXT = "10000";
    public static final String DEFAULT_IDLE_TIMEOUT_TEXT = "60s";
    /** At most this many I/O threads: each is a thread and a selector, whether or not a connection ever uses it. */
    public static final int MAX_IO_THREADS = 1024;

    public ServerConfig {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("--host must name an address");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port " + port + " is out of range (0-65535)");
        }
        if (chunkSize < 1) {
            throw new IllegalArgumentException("--chunk-size must be at least 1 byte");
        }
        if (charset == TextCharset.UTF_8 && chunkSize < 4) {
            // A chunk must be able to hold the longest UTF-8 sequence, or the decoder could not avoid splitting it.
            throw new IllegalArgumentException("--chunk-size must be at least 4 bytes with --charset utf-8");
        }
        if (maxPending < 1) {
            throw new IllegalArgumentException("--max-pending must be at least 1 byte");
        }
        if (charset == null || transport == null || idleTimeout == null) {
            throw new IllegalArgumentException("a charset, a transport and an idle timeout are required");
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("--max-connections must be at least 1");
        }
        if (idleTimeout.isNegative()) {
            throw new IllegalArgumentException("--idle-timeout must not be negative");
        }
        if (ioThreads < 1 || ioThreads > MAX_IO_THREADS) {
            throw new IllegalArgumentException("--io-threads must be from 1 to " + MAX_IO_THREADS + ", or 0 for one per CPU");
        }
    }

    /** One I/O thread per CPU the JVM sees ({@link TransportConfig#loopsPerCpu}). */
    public static int defaultIoThreads() {
        return TransportConfig.loopsPerCpu();
    }

    /** Loopback, a free port, the book's defaults: what tests and in-process servers start from. */
    public static ServerConfig loopback() {
        return new ServerConfig("127.0.0.1", 0, Protocol.CHUNK_SIZE, true, DEFAULT_MAX_PENDING, TextCharset.ASCII,
                TransportConfig.defaults(), DEFAULT_MAX_CONNECTIONS, Duration.ofSeconds(60), defaultIoThreads());
    }

    /** The water marks, a connection's part of {@link #transport()}. */
    public WaterMark waterMark() {
        return transport.waterMark();
    }

    public ServerConfig withPort(int newPort) {
        return with(b -> b.port = newPort);
    }

    public ServerConfig withBackpressure(boolean on) {
        return with(b -> b.backpressure = on);
    }

    public ServerConfig withTransport(TransportConfig newTransport) {
        return with(b -> b.transport = newTransport);
    }

    public ServerConfig withTransport(Transport newTransport) {
        return withTransport(transport.withTransport(newTransport));
    }

    public ServerConfig withSocketBuffers(int newSndbuf, int newRcvbuf) {
        return withTransport(transport.withSocketBuffers(newSndbuf, newRcvbuf));
    }

    public ServerConfig withWaterMark(WaterMark newWaterMark) {
        return withTransport(transport.withWaterMark(newWaterMark));
    }

    public ServerConfig withCharset(TextCharset newCharset) {
        return with(b -> b.charset = newCharset);
    }

    public ServerConfig withChunkSize(int newChunkSize) {
        return with(b -> b.chunkSize = newChunkSize);
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

    public ServerConfig withIoThreads(int newIoThreads) {
        return with(b -> b.ioThreads = newIoThreads);
    }

    private ServerConfig with(Consumer<Builder> change) {
        Builder b = new Builder(this);
        change.accept(b);
        return new ServerConfig(b.host, b.port, b.chunkSize, b.backpressure, b.maxPending, b.charset, b.transport,
                b.maxConnections, b.idleTimeout, b.ioThreads);
    }

    /** A mutable copy, so that each {@code with…} names only what it changes. */
    private static final class Builder {
        String host;
        int port;
        int chunkSize;
        boolean backpressure;
        long maxPending;
        TextCharset charset;
        TransportConfig transport;
        int maxConnections;
        Duration idleTimeout;
        int ioThreads;

        Builder(ServerConfig c) {
            host = c.host;
            port = c.port;
            chunkSize = c.chunkSize;
            backpressure = c.backpressure;
            maxPending = c.maxPending;
            charset = c.charset;
            transport = c.transport;
            maxConnections = c.maxConnections;
            idleTimeout = c.idleTimeout;
            ioThreads = c.ioThreads;
        }
    }
}
