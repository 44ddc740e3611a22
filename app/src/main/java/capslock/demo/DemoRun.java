package capslock.demo;

import capslock.client.BookPayload;
import capslock.client.SendClient;
import capslock.client.SendConfig;
import capslock.client.SendSummary;
import capslock.client.Snapshot;
import capslock.common.text.TextCharset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs one {@link RunSpec} on a fresh connection: every 50 ms sample of the client is paired with the server's side
 * of the same connection into a {@link Point}, kept for the chart and handed to {@code live} (the terminal line, the
 * web view, a timeline file) as it is taken, on the client's event loop.
 */
final class DemoRun {
    private DemoRun() {
    }

    static RunResult run(DemoServers servers, DemoSettings settings, RunSpec spec, Consumer<Point> live)
            throws InterruptedException {
        return run(servers, settings, spec, live, client -> { });
    }

    /** As above; {@code started} is handed the client as soon as it has started, so that it can be interrupted. */
    static RunResult run(DemoServers servers, DemoSettings settings, RunSpec spec, Consumer<Point> live,
            Consumer<SendClient> started) throws InterruptedException {
        DemoServers.Target target = servers.target(spec.serverBackpressure());
        SendConfig config = new SendConfig(target.host(), target.port(), settings.transport().withWaterMark(spec.waterMark()),
                spec.writer(), spec.reader(), spec.writeSize(), settings.stallTimeout(), settings.maxPending(),
                TextCharset.ASCII, 0, spec.readRate());
        List<Point> points = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<ServerView.ServerProbe> probe = new AtomicReference<>();
        Consumer<Snapshot> sample = snapshot -> {
            ServerView.ServerProbe p = probe.get();
            Point point = new Point(snapshot, p == null ? null : p.sample());
            points.add(point);
            live.accept(point);
        };
        SendClient client = SendClient.start(config, new BookPayload(spec.bytes()), null, sample);
        probe.set(target.view().probe(client.transfer().localAddress()));
        started.accept(client);
        try {
            SendSummary summary = client.await();
            ServerView.ServerProbe p = probe.get();
            return new RunResult(spec, Scenario.of(spec), summary, p == null ? null : p.peakQueued(), List.copyOf(points),
                    target.view().note());
        } finally {
            ServerView.ServerProbe p = probe.get();
            if (p != null) {
                p.close();
            }
        }
    }
}
