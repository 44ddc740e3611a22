package capslock.demo;

import capslock.client.Timeline;
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

    private final Timeline csv;

    DemoTimeline(Path file) {
        try {
            Files.createDirectories(file.getParent());
            csv = new Timeline(file, HEADER);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void accept(Point p) {
        ServerSample s = p.server();
        csv.line(Timeline.row(p.client()) + (s == null ? ",,," : String.format(Locale.ROOT, ",%d,%d,%.1f", s.queued(),
                s.paused() ? 1 : 0, s.pausedSeconds() * 1e3)));
    }

    @Override
    public void close() {
        csv.close();
    }
}
