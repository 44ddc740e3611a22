package capslock.demo;

import capslock.client.Timeline;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * {@code demo --timeline-dir}: a run's samples as CSV, the client's columns as {@code send --timeline} writes them,
 * then the server's side of the same connection (empty where it cannot be seen).
 */
final class DemoTimeline implements Consumer<Point>, AutoCloseable {
    static final String HEADER = Timeline.HEADER + ",server_queued,server_reading_paused,server_paused_ms";

    private final BufferedWriter out;
    private IOException failure;

    DemoTimeline(Path file) {
        try {
            Files.createDirectories(file.getParent());
            out = Files.newBufferedWriter(file);
            out.write(HEADER);
            out.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void accept(Point p) {
        if (failure != null) {
            return;
        }
        ServerSample s = p.server();
        try {
            out.write(Timeline.row(p.client()) + (s == null ? ",,," : String.format(Locale.ROOT, ",%d,%d,%.1f", s.queued(),
                    s.paused() ? 1 : 0, s.pausedSeconds() * 1e3)));
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
