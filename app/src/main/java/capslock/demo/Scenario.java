package capslock.demo;

import capslock.client.ReaderKind;
import capslock.client.WriterKind;

/** The five runs of the demo: every writer × reader combination, then the book's client against a server without backpressure. */
public enum Scenario {
    BOOKS_CLIENT("the book's client", WriterKind.NAIVE, ReaderKind.AFTER, true),
    NAIVE_CONCURRENT("naive writer, reads concurrently", WriterKind.NAIVE, ReaderKind.CONCURRENT, true),
    WATERMARK_AFTER("water marks, reads after sending", WriterKind.WATERMARK, ReaderKind.AFTER, true),
    THE_FIX("water marks, reads concurrently (the fix)", WriterKind.WATERMARK, ReaderKind.CONCURRENT, true),
    SERVER_ABSORBS("the book's client, server backpressure off", WriterKind.NAIVE, ReaderKind.AFTER, false);

    final String label;
    final WriterKind writer;
    final ReaderKind reader;
    final boolean serverBackpressure;

    Scenario(String label, WriterKind writer, ReaderKind reader, boolean serverBackpressure) {
        this.label = label;
        this.writer = writer;
        this.reader = reader;
        this.serverBackpressure = serverBackpressure;
    }

    public int number() {
        return ordinal() + 1;
    }

    public String label() {
        return label;
    }

    /** This scenario with the demo's payload, write size and water marks. */
    RunSpec spec(DemoSettings settings) {
        return new RunSpec(label, writer, reader, settings.waterMark(), settings.bytes(), settings.writeSize(),
                serverBackpressure, 0);
    }

    /** The scenario {@code spec} is, if it is one of the five as the demo runs them; null for a custom run. */
    static Scenario of(RunSpec spec) {
        for (Scenario s : values()) {
            if (s.label.equals(spec.label()) && s.writer == spec.writer() && s.reader == spec.reader()
                    && s.serverBackpressure == spec.serverBackpressure() && spec.readRate() == 0) {
                return s;
            }
        }
        return null;
    }
}
