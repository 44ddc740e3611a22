package capslock.server;

import capslock.common.WaterMark;
import capslock.common.net.Transport;
import capslock.common.text.TextCharset;

/** Everything that shapes one server; {@code 0} socket buffers leave the kernel's auto-tuning alone. */
public record ServerConfig(String host,
                           int port,
                           int chunkSize,
                           WaterMark waterMark,
                           boolean backpressure,
                           long maxPending,
                           TextCharset charset,
                           Transport transport,
                           int sndbuf,
                           int rcvbuf) {

    public static final int DEFAULT_PORT = 1060;
    public static final int DEFAULT_CHUNK_SIZE = 1024;
    public static final long DEFAULT_MAX_PENDING = 64L << 20;

    public ServerConfig {
        if (charset == TextCharset.UTF_8 && chunkSize < 4) {
            // A chunk must be able to hold the longest UTF-8 sequence, or the decoder could not avoid splitting it.
            throw new IllegalArgumentException("--chunk-size must be at least 4 bytes with --charset utf-8");
        }
    }

    /** Loopback, a free port, the book's defaults: what tests and in-process servers start from. */
    public static ServerConfig loopback() {
        return new ServerConfig("127.0.0.1", 0, DEFAULT_CHUNK_SIZE, WaterMark.parse(WaterMark.DEFAULT), true,
                DEFAULT_MAX_PENDING, TextCharset.ASCII, Transport.AUTO, 0, 0);
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, chunkSize, waterMark, backpressure, maxPending, charset, transport, sndbuf, rcvbuf);
    }

    public ServerConfig withBackpressure(boolean on) {
        return new ServerConfig(host, port, chunkSize, waterMark, on, maxPending, charset, transport, sndbuf, rcvbuf);
    }

    public ServerConfig withSocketBuffers(int newSndbuf, int newRcvbuf) {
        return new ServerConfig(host, port, chunkSize, waterMark, backpressure, maxPending, charset, transport, newSndbuf, newRcvbuf);
    }

    public ServerConfig withCharset(TextCharset newCharset) {
        return new ServerConfig(host, port, chunkSize, waterMark, backpressure, maxPending, newCharset, transport, sndbuf, rcvbuf);
    }

    public ServerConfig withChunkSize(int newChunkSize) {
        return new ServerConfig(host, port, newChunkSize, waterMark, backpressure, maxPending, charset, transport, sndbuf, rcvbuf);
    }

    public ServerConfig withTransport(Transport newTransport) {
        return new ServerConfig(host, port, chunkSize, waterMark, backpressure, maxPending, charset, newTransport, sndbuf, rcvbuf);
    }

    public ServerConfig withMaxPending(long newMaxPending) {
        return new ServerConfig(host, port, chunkSize, waterMark, backpressure, newMaxPending, charset, transport, sndbuf, rcvbuf);
    }
}
