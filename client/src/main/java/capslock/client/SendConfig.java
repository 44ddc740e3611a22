package capslock.client;

import capslock.common.Protocol;
import capslock.common.WaterMark;
import capslock.common.net.TransportConfig;
import capslock.common.text.TextCharset;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Everything that shapes one transfer. Checks itself: a value that makes no sense is an {@link IllegalArgumentException}
 * naming the option, which the command line reports as a usage error.
 *
 * @param sendRate bytes per second the writer keeps to, on a schedule (open loop); 0: as fast as it may
 * @param readRate bytes per second the reader takes at most (a slow consumer); 0: as fast as they come
 */
public record SendConfig(String host,
                         int port,
                         TransportConfig transport,
                         WriterKind writer,
                         ReaderKind reader,
                         int writeSize,
                         Duration stallTimeout,
                         long maxPending,
                         TextCharset charset,
                         long sendRate,
                         long readRate) {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final String DEFAULT_MAX_PENDING_TEXT = "64MiB";

    public SendConfig {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("--host must name a server");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("--port " + port + " is out of range (1-65535)");
        }
        if (transport == null || writer == null || reader == null || charset == null || stallTimeout == null) {
            throw new IllegalArgumentException("a transport, a writer, a reader, a charset and a stall timeout are required");
        }
        if (writeSize < 1) {
            throw new IllegalArgumentException("--write-size must be at least 1 byte");
        }
        if (stallTimeout.isZero() || stallTimeout.isNegative()) {
            throw new IllegalArgumentException("--stall-timeout must be positive");
        }
        if (maxPending < 1) {
            throw new IllegalArgumentException("--max-pending must be at least 1 byte");
        }
        if (sendRate < 0 || readRate < 0) {
            throw new IllegalArgumentException("rates must not be negative (0: no limit)");
        }
    }

    /** The fix (water-mark writer, concurrent reader) towards {@code port} on loopback, with the command line's defaults. */
    public static SendConfig loopback(int port) {
        return new SendConfig("127.0.0.1", port, TransportConfig.defaults(), WriterKind.WATERMARK, ReaderKind.CONCURRENT,
                Protocol.message().length, Duration.ofSeconds(5), 64L << 20, TextCharset.ASCII, 0, 0);
    }

    public SendConfig with(WriterKind newWriter, ReaderKind newReader) {
        return with(b -> {
            b.writer = newWriter;
            b.reader = newReader;
        });
    }

    public SendConfig withTransport(TransportConfig newTransport) {
        return with(b -> b.transport = newTransport);
    }

    public SendConfig withSocketBuffers(int newSndbuf, int newRcvbuf) {
        return withTransport(transport.withSocketBuffers(newSndbuf, newRcvbuf));
    }

    public SendConfig withWriteSize(int newWriteSize) {
        return with(b -> b.writeSize = newWriteSize);
    }

    public SendConfig withStallTimeout(Duration newStallTimeout) {
        return with(b -> b.stallTimeout = newStallTimeout);
    }

    public SendConfig withMaxPending(long newMaxPending) {
        return with(b -> b.maxPending = newMaxPending);
    }

    public SendConfig withCharset(TextCharset newCharset) {
        return with(b -> b.charset = newCharset);
    }

    public SendConfig withSendRate(long bytesPerSecond) {
        return with(b -> b.sendRate = bytesPerSecond);
    }

    public SendConfig withReadRate(long bytesPerSecond) {
        return with(b -> b.readRate = bytesPerSecond);
    }

    /** The water marks, the connection's part of {@link #transport()}. */
    public WaterMark waterMark() {
        return transport.waterMark();
    }

    /** "watermark writer + reads concurrently". */
    public String modeLabel() {
        return writer.name().toLowerCase(Locale.ROOT) + " writer + reads "
                + (reader == ReaderKind.AFTER ? "after sending" : "concurrently");
    }

    /** Byte latency is measured where reply offsets equal request offsets: in ASCII mode, not in UTF-8 mode. */
    public boolean measuresLatency() {
        return charset == TextCharset.ASCII;
    }

    private SendConfig with(Consumer<Builder> change) {
        Builder b = new Builder(this);
        change.accept(b);
        return new SendConfig(b.host, b.port, b.transport, b.writer, b.reader, b.writeSize, b.stallTimeout, b.maxPending,
                b.charset, b.sendRate, b.readRate);
    }

    /** A mutable copy, so that each {@code with…} names only what it changes. */
    private static final class Builder {
        String host;
        int port;
        TransportConfig transport;
        WriterKind writer;
        ReaderKind reader;
        int writeSize;
        Duration stallTimeout;
        long maxPending;
        TextCharset charset;
        long sendRate;
        long readRate;

        Builder(SendConfig c) {
            host = c.host;
            port = c.port;
            transport = c.transport;
            writer = c.writer;
            reader = c.reader;
            writeSize = c.writeSize;
            stallTimeout = c.stallTimeout;
            maxPending = c.maxPending;
            charset = c.charset;
            sendRate = c.sendRate;
            readRate = c.readRate;
        }
    }
}
