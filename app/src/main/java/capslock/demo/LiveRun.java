package capslock.demo;

import capslock.client.SendClient;
import capslock.client.Snapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run the web view is showing: its points so far as the page charts them (for a tab that opens in the middle),
 * and those not yet pushed. Points arrive on the client's event loop and leave on the web server's: synchronized.
 */
final class LiveRun {
    private final int id;
    private final RunSpec spec;
    private final List<Map<String, Object>> points = new ArrayList<>();
    private final List<Map<String, Object>> pending = new ArrayList<>();
    private double previousSeconds;
    private SendClient client;
    private String stoppedBy;

    LiveRun(int id, RunSpec spec) {
        this.id = id;
        this.spec = spec;
    }

    int id() {
        return id;
    }

    RunSpec spec() {
        return spec;
    }

    /** The run's client has started: a stop asked for before then takes effect now. */
    synchronized void started(SendClient started) {
        client = started;
        if (stoppedBy != null) {
            client.interrupt(stoppedBy);
        }
    }

    /** Ends the run as interrupted by {@code why}, now or as soon as its client has started. */
    synchronized void stop(String why) {
        stoppedBy = why;
        if (client != null) {
            client.interrupt(why);
        }
    }

    synchronized void add(Point point) {
        Map<String, Object> p = chartPoint(point, point.client().seconds() - previousSeconds);
        previousSeconds = point.client().seconds();
        points.add(p);
        pending.add(p);
    }

    /** The points not yet pushed, now counted as pushed. */
    synchronized List<Map<String, Object>> takePending() {
        List<Map<String, Object>> taken = List.copyOf(pending);
        pending.clear();
        return taken;
    }

    synchronized List<Map<String, Object>> points() {
        return List.copyOf(points);
    }

    /**
     * One point as the page charts it: seconds, bytes produced/written/received, the most queued in the client during
     * the interval, the share of the interval the channel was unwritable and the server paused (0 to 1), the longest
     * wait of any byte (the slowest answered, or the oldest unanswered if longer) and the median; null where unknown.
     */
    static Map<String, Object> chartPoint(Point point, double interval) {
        Snapshot s = point.client();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("t", s.seconds());
        p.put("produced", s.produced());
        p.put("written", s.written());
        p.put("received", s.received());
        p.put("queued", s.peakQueued());
        p.put("unwritable", Point.share(s.unwritableSeconds(), interval, !s.writable()));
        p.put("changes", s.writabilityChanges());
        double worst = Math.max(Double.isNaN(s.latencyMaxMs()) ? 0 : s.latencyMaxMs(), s.oldestUnansweredMs());
        p.put("latencyMs", worst > 0 ? worst : null);
        p.put("p50Ms", Double.isNaN(s.latencyP50Ms()) ? null : s.latencyP50Ms());
        ServerSample server = point.server();
        p.put("serverQueued", server == null ? null : server.queued());
        p.put("serverPaused", server == null ? null : Point.share(server.pausedSeconds(), interval, server.paused()));
        return p;
    }

}
