package capslock.client;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/** {@code --timeline FILE.csv}: one row per 50 ms sample, for plotting how the queues and the wire moved. */
public final class Timeline implements Consumer<Snapshot>, AutoCloseable {
    public static final String HEADER = "seconds,produced,queued,netty_queued,written,received,writable";

    private final BufferedWriter out;
    private IOException failure;

    public Timeline(Path file) throws IOException {
        this.out = Files.newBufferedWriter(file);
        out.write(HEADER);
        out.newLine();
    }

    static String row(Snapshot s) {
        return String.format(Locale.ROOT, "%.3f,%d,%d,%d,%d,%d,%d", s.seconds(), s.produced(), s.payloadQueued(),
                s.nettyQueued(), s.written(), s.received(), s.writable() ? 1 : 0);
    }

    @Override
    public void accept(Snapshot s) {
        if (failure != null) {
            return;
        }
        try {
            out.write(row(s));
            out.newLine();
        } catch (IOException e) {
            failure = e;
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            failure = failure == null ? e : failure;
        }
        if (failure != null) {
            throw new UncheckedIOException("cannot write the timeline: " + failure.getMessage(), failure);
        }
    }
}
