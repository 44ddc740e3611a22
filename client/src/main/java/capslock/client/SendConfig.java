package capslock.client;

import capslock.common.WaterMark;
import capslock.common.net.Transport;
import capslock.common.text.TextCharset;
import java.time.Duration;

/** Everything that shapes one {@code send}; {@code 0} socket buffers leave the kernel's auto-tuning alone. */
public record SendConfig(String host,
                  int port,
                  Transport transport,
                  int sndbuf,
                  int rcvbuf,
                  WriterKind writer,
                  ReaderKind reader,
                  WaterMark waterMark,
                  int writeSize,
                  Duration stallTimeout,
                  long maxPending,
                  TextCharset charset) {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /** The book's client shape towards {@code port} on loopback, with the defaults of the command line. */
    public static SendConfig loopback(int port) {
        return new SendConfig("127.0.0.1", port, Transport.AUTO, 0, 0, WriterKind.WATERMARK, ReaderKind.CONCURRENT,
                WaterMark.parse(WaterMark.DEFAULT), 16, Duration.ofSeconds(5), 64L << 20, TextCharset.ASCII);
    }

    public SendConfig with(WriterKind newWriter, ReaderKind newReader) {
        return new SendConfig(host, port, transport, sndbuf, rcvbuf, newWriter, newReader, waterMark, writeSize,
                stallTimeout, maxPending, charset);
    }

    public SendConfig withSocketBuffers(int newSndbuf, int newRcvbuf) {
        return new SendConfig(host, port, transport, newSndbuf, newRcvbuf, writer, reader, waterMark, writeSize,
                stallTimeout, maxPending, charset);
    }

    public SendConfig withWriteSize(int newWriteSize) {
        return new SendConfig(host, port, transport, sndbuf, rcvbuf, writer, reader, waterMark, newWriteSize,
                stallTimeout, maxPending, charset);
    }

    public SendConfig withStallTimeout(Duration newStallTimeout) {
        return new SendConfig(host, port, transport, sndbuf, rcvbuf, writer, reader, waterMark, writeSize,
                newStallTimeout, maxPending, charset);
    }

    public SendConfig withMaxPending(long newMaxPending) {
        return new SendConfig(host, port, transport, sndbuf, rcvbuf, writer, reader, waterMark, writeSize,
                stallTimeout, newMaxPending, charset);
    }

    String modeLabel() {
        return writer.name().toLowerCase() + " writer + reads " + (reader == ReaderKind.AFTER ? "after sending" : "concurrently");
    }
}
