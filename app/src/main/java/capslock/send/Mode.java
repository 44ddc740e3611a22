package capslock.send;

import capslock.client.ReaderKind;
import capslock.client.WriterKind;

/** The two shapes of {@code send --mode} worth naming: the book's client, and the fix. */
enum Mode {
    /** naive writer + read after sending: the book's client, which freezes. */
    NAIVE(WriterKind.NAIVE, ReaderKind.AFTER),
    /** watermark writer + concurrent reader: completes with bounded memory. */
    BACKPRESSURE(WriterKind.WATERMARK, ReaderKind.CONCURRENT);

    final WriterKind writer;
    final ReaderKind reader;

    Mode(WriterKind writer, ReaderKind reader) {
        this.writer = writer;
        this.reader = reader;
    }
}
