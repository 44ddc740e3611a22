package capslock.client;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * {@code --timeline FILE.csv}: one row per 50 ms sample ({@link Snapshot}), for plotting how the queues, the wire and
 * the latency moved; the interval columns cover the 50 ms before the row. An empty latency cell: no byte was answered
 * in that interval.
 */
public final class Timeline implements Consumer<Snapshot>, AutoCloseable {
    public static final String HEADER = "seconds,produced,queued,netty_queued,written,received,writable,"
            + "peak_queued,unwritable_ms,writability_changes,latency_p50_ms,latency_max_ms,oldest_unanswered_ms";

    private final BufferedWriter out;
    private IOException failure;

    public Timeline(Path file) throws IOException {
        this(file, HEADER);
    }

    /** A timeline with columns of its own, for a caller that adds columns to {@link #row}'s and writes {@link #line}s. */
    public Timeline(Path file, String header) throws IOException {
        this.out = Files.newBufferedWriter(file);
        out.write(header);
        out.newLine();
    }

    public static String row(Snapshot s) {
        return String.format(Locale.ROOT, "%.3f,%d,%d,%d,%d,%d,%d,%d,%.1f,%d,%s,%s,%.3f", s.seconds(), s.produced(),
                s.payloadQueued(), s.nettyQueued(), s.written(), s.received(), s.writable() ? 1 : 0, s.peakQueued(),
                s.unwritableSeconds() * 1e3, s.writabilityChanges(), millis(s.latencyP50Ms()), millis(s.latencyMaxMs()),
                s.oldestUnansweredMs());
    }

    private static String millis(double ms) {
        return Double.isNaN(ms) ? "" : String.format(Locale.ROOT, "%.3f", ms);
    }

    @Override
    public void accept(Snapshot s) {
        line(row(s));
    }

    /** Writes one line; a failure is kept and reported by {@link #close()}, so that sampling never stops on it. */
    public void line(String text) {
        if (failure != null) {
            return;
        }
        try {
            out.write(text);
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
