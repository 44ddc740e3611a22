package capslock.demo;

import capslock.Json;
import capslock.common.Errors;
import capslock.common.net.Transport;
import capslock.common.net.TransportFactory;
import capslock.common.web.EventStream;
import capslock.common.web.WebServer;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * {@code demo --web}: the demo's servers, an HTTP server for the page, and one run at a time, started from the page.
 * While a run goes, its points are pushed to every open tab ten times a second as Server-Sent Events; a tab that does
 * not keep up misses pushes rather than slowing anything (the run never waits for the web). When it ends its result
 * is pushed and joins the table of runs. Closing a tab changes nothing; {@link #close()} stops the run in progress.
 */
final class DemoWeb implements AutoCloseable {
    /** The most one run from the page may send unless {@code --bytes} is larger. */
    static final long LARGEST_PAYLOAD = 256L << 20;
    static final long PUSH_MILLIS = 100;

    private final DemoSettings settings;
    private final DemoServers servers;
    private final EventStream events = new EventStream();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "capslock-demo-run");
        t.setDaemon(true);
        return t;
    });
    private final List<RunResult> results = new ArrayList<>();
    private final WebServer web;
    private final ScheduledFuture<?> push;
    private LiveRun current;
    private int lastId;

    DemoWeb(DemoSettings settings, String host, int port) {
        this.settings = settings;
        this.servers = new DemoServers(settings, largestPayload());
        WebServer started;
        try {
            DemoWebHandler handler = new DemoWebHandler(this);
            started = WebServer.start(TransportFactory.resolve(Transport.NIO), "capslock-demo-web", host, port, "--web-port",
                    () -> handler);
        } catch (RuntimeException e) {
            servers.close();
            throw e;
        }
        this.web = started;
        this.push = web.eventLoop().scheduleAtFixedRate(this::pushPoints, PUSH_MILLIS, PUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    int port() {
        return web.port();
    }

    /** The most one run from the page may send: the server without backpressure holds twice that at worst. */
    long largestPayload() {
        return Math.max(settings.bytes(), LARGEST_PAYLOAD);
    }

    DemoSettings settings() {
        return settings;
    }

    EventStream events() {
        return events;
    }

    /** Starts {@code spec}, unless a run is in progress (empty then). */
    synchronized OptionalInt start(RunSpec spec) {
        if (current != null) {
            return OptionalInt.empty();
        }
        LiveRun run = new LiveRun(++lastId, spec);
        current = run;
        events.publishReliably("run", Json.write(Map.of("id", run.id(), "label", spec.label(), "spec", spec)));
        runner.execute(() -> execute(run));
        return OptionalInt.of(run.id());
    }

    /**
     * Stops the run in progress, as Ctrl-C stops a scenario: it ends as interrupted, and its result, with what it
     * measured until then, joins the table. False when no run is in progress.
     */
    synchronized boolean stopCurrent() {
        if (current == null) {
            return false;
        }
        current.stop("the page's Stop button");
        return true;
    }

    private void execute(LiveRun run) {
        Map<String, Object> end;
        try {
            RunResult result = DemoRun.run(servers, settings, run.spec(), run::add, run::started);
            synchronized (this) {
                results.add(result);
                end = new LinkedHashMap<>(DemoReport.row(result, results));
            }
        } catch (RuntimeException e) {
            end = new LinkedHashMap<>(Map.of("scenario", run.spec().label(), "error", Errors.describe(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        end.put("id", run.id());
        pushPoints();
        synchronized (this) {
            current = null;
        }
        events.publishReliably("result", Json.write(end));
    }

    private void pushPoints() {
        LiveRun run;
        synchronized (this) {
            run = current;
        }
        if (run != null) {
            List<Map<String, Object>> points = run.takePending();
            if (!points.isEmpty()) {
                events.publishLossy("points", Json.write(Map.of("id", run.id(), "points", points)));
            }
        }
    }

    /** Everything a tab needs on opening: the scenarios, the demo's settings, the run in progress with its points so far, the runs done. */
    synchronized String state() {
        Map<String, Object> state = new LinkedHashMap<>();
        List<Map<String, Object>> scenarios = new ArrayList<>();
        for (Scenario s : Scenario.values()) {
            scenarios.add(Map.of("number", s.number(), "label", s.label(), "spec", s.spec(settings)));
        }
        state.put("scenarios", scenarios);
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("waterMark", settings.waterMark().toString().replace(" ", ""));
        defaults.put("bytes", capslock.common.Sizes.format(settings.bytes()).replace(" ", ""));
        defaults.put("writeSize", String.valueOf(settings.writeSize()));
        defaults.put("largestPayload", capslock.common.Sizes.format(largestPayload()).replace(" ", ""));
        state.put("defaults", defaults);
        state.put("server", settings.external() ? settings.host() + ":" + settings.port() : "in-process");
        state.put("serverNote", servers.target(true).view().note());
        if (current != null) {
            state.put("run", Map.of("id", current.id(), "label", current.spec().label(), "spec", current.spec(),
                    "points", current.points()));
        }
        state.put("runs", runs());
        return Json.write(state);
    }

    /** The runs so far, as the table shows them and the export gives them. */
    synchronized List<Map<String, Object>> runs() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RunResult r : results) {
            rows.add(DemoReport.row(r, results));
        }
        return rows;
    }

    @Override
    public void close() {
        push.cancel(false);
        runner.shutdownNow();
        servers.close(); // a run in progress ends with its connection
        events.close();
        web.close();
    }
}
