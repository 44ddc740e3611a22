package capslock.demo;

import capslock.client.SendClient;
import capslock.client.Snapshot;
import capslock.common.Sizes;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs the five scenarios one after another, each on a fresh connection, showing each one's progress on a line.
 * {@link #stop} (from any thread: a signal's) interrupts the scenario under way, which ends as interrupted with what
 * it measured until then, and starts no other.
 */
final class DemoRunner {
    private final DemoSettings settings;
    private final PrintStream live;
    private final boolean terminal;
    private final AtomicReference<String> stopped = new AtomicReference<>();
    private volatile SendClient running;

    DemoRunner(DemoSettings settings, PrintStream live, boolean terminal) {
        this.settings = settings;
        this.live = live;
        this.terminal = terminal;
    }

    List<RunResult> run() throws InterruptedException {
        List<RunResult> results = new ArrayList<>();
        try (DemoServers servers = new DemoServers(settings, settings.bytes())) {
            for (Scenario scenario : Scenario.values()) {
                if (stopped() != null) {
                    break;
                }
                results.add(run(servers, scenario));
            }
        }
        return results;
    }

    /** Interrupts the scenario under way, because of {@code why} (e.g. {@code SIGINT}), and starts no other. */
    void stop(String why) {
        if (stopped.compareAndSet(null, why)) {
            SendClient client = running;
            if (client != null) {
                client.interrupt(why);
            }
        }
    }

    /** Why the scenarios were stopped, or null if they were not. */
    String stopped() {
        return stopped.get();
    }

    private void started(SendClient client) {
        running = client;
        String why = stopped.get();
        if (why != null) {
            client.interrupt(why); // the stop came while this scenario was starting
        }
    }

    private RunResult run(DemoServers servers, Scenario scenario) throws InterruptedException {
        String name = String.format(Locale.ROOT, "  %d/%d %-44s", scenario.number(), Scenario.values().length, scenario.label);
        DemoTimeline csv = settings.timelineDir() == null ? null
                : new DemoTimeline(settings.timelineDir().resolve("scenario-" + scenario.number() + ".csv"));
        long[] lastShown = {0};
        Consumer<Point> show = point -> {
            Snapshot s = point.client();
            if (terminal && System.nanoTime() - lastShown[0] > 200_000_000L) {
                lastShown[0] = System.nanoTime();
                live.printf(Locale.ROOT, "\r%s sent %-10s received %-10s queued %-10s", name, Sizes.format(s.written()),
                        Sizes.format(s.received()), Sizes.format(s.payloadQueued()));
            }
        };
        RunResult result;
        try {
            result = DemoRun.run(servers, settings, scenario.spec(settings), csv == null ? show : show.andThen(csv),
                    this::started);
        } finally {
            running = null;
            if (csv != null) {
                csv.close();
            }
        }
        live.printf(Locale.ROOT, "%s%s %s after %.1f s%-30s%n", terminal ? "\r" : "", name,
                result.summary().outcome().label(), result.summary().seconds(), "");
        return result;
    }
}
