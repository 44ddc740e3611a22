package capslock.demo;

import capslock.client.BookPayload;
import capslock.client.SendClient;
import capslock.client.SendConfig;
import capslock.client.SendSummary;
import capslock.client.Snapshot;
import capslock.client.Timeline;
import capslock.common.Sizes;
import capslock.common.WaterMark;
import capslock.common.net.Transport;
import capslock.common.text.TextCharset;
import capslock.server.CapslockServer;
import capslock.server.ConnectionStats;
import capslock.server.ServerConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** Runs the scenarios one after another, each on a fresh connection, against in-process servers (or a given one). */
final class DemoRunner {
    /** What shapes the demo; {@code host} null means "start the servers in-process". */
    record Settings(String host, int port, long bytes, int writeSize, WaterMark waterMark, Duration stallTimeout,
                    long maxPending, Transport transport, int sndbuf, int rcvbuf, Path timelineDir) {
    }

    private final Settings settings;
    private final PrintStream live;
    private final boolean terminal;

    DemoRunner(Settings settings, PrintStream live, boolean terminal) {
        this.settings = settings;
        this.live = live;
        this.terminal = terminal;
    }

    List<ScenarioResult> run() throws InterruptedException {
        List<ScenarioResult> results = new ArrayList<>();
        try (CapslockServer withBackpressure = settings.host() == null ? CapslockServer.start(serverConfig(true)) : null;
             CapslockServer withoutBackpressure = CapslockServer.start(serverConfig(false))) {
            for (Scenario scenario : Scenario.values()) {
                CapslockServer server = scenario.serverBackpressure ? withBackpressure : withoutBackpressure;
                String host = server != null ? "127.0.0.1" : settings.host();
                int port = server != null ? server.port() : settings.port();
                results.add(run(scenario, server, host, port));
            }
        }
        return results;
    }

    ServerConfig serverConfig(boolean backpressure) {
        // Without backpressure the server must be allowed to absorb the whole payload, or scenario 5 would only
        // show the server's own guard closing the connection.
        long maxPending = backpressure ? ServerConfig.DEFAULT_MAX_PENDING : Math.max(ServerConfig.DEFAULT_MAX_PENDING, 2 * settings.bytes());
        return ServerConfig.loopback().withBackpressure(backpressure).withMaxPending(maxPending)
                .withWaterMark(settings.waterMark()).withTransport(settings.transport())
                .withSocketBuffers(settings.sndbuf(), settings.rcvbuf());
    }

    private ScenarioResult run(Scenario scenario, CapslockServer server, String host, int port) throws InterruptedException {
        SendConfig config = new SendConfig(host, port, settings.transport(), settings.sndbuf(), settings.rcvbuf(),
                scenario.writer, scenario.reader, settings.waterMark(), settings.writeSize(), settings.stallTimeout(),
                settings.maxPending(), TextCharset.ASCII);
        List<Snapshot> samples = Collections.synchronizedList(new ArrayList<>());
        Timeline csv = openTimeline(scenario);
        Consumer<Snapshot> collect = samples::add;
        Consumer<Snapshot> sink = csv == null ? collect : collect.andThen(csv);
        String name = String.format(Locale.ROOT, "  %d/%d %-44s", scenario.number(), Scenario.values().length, scenario.label);
        SendClient client = SendClient.start(config, new BookPayload(settings.bytes()), null, sink);
        SocketAddress local = client.transfer().localAddress();
        while (!client.transfer().awaitEnd(200)) {
            if (terminal) {
                Snapshot s = client.transfer().snapshot();
                live.printf(Locale.ROOT, "\r%s sent %-10s received %-10s queued %-10s", name, Sizes.format(s.written()),
                        Sizes.format(s.received()), Sizes.format(s.payloadQueued()));
            }
        }
        SendSummary summary = client.await();
        if (csv != null) {
            csv.accept(client.transfer().snapshot());
            csv.close();
        }
        Long serverPeak = server == null ? null : server.stats().find(local).map(ConnectionStats::peakQueued).orElse(null);
        live.printf(Locale.ROOT, "%s%s %s after %.1f s%-30s%n", terminal ? "\r" : "", name,
                summary.outcome().replace('_', ' '), summary.seconds(), "");
        return new ScenarioResult(scenario, summary, serverPeak, List.copyOf(samples));
    }

    private Timeline openTimeline(Scenario scenario) {
        if (settings.timelineDir() == null) {
            return null;
        }
        try {
            Files.createDirectories(settings.timelineDir());
            return new Timeline(settings.timelineDir().resolve("scenario-" + scenario.number() + ".csv"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to --timeline-dir " + settings.timelineDir() + ": " + e.getMessage(), e);
        }
    }
}
