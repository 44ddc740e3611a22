package capslock.demo;

import capslock.ServerTarget;
import capslock.client.BookPayload;
import capslock.client.Outcome;
import capslock.common.Durations;
import capslock.common.Sizes;
import capslock.common.WaterMark;
import capslock.common.cli.CapslockException;
import capslock.common.cli.Converters;
import capslock.common.cli.ExitCodes;
import capslock.common.cli.OutputFiles;
import capslock.common.cli.ShutdownSignal;
import capslock.common.cli.SocketOptions;
import capslock.common.cli.Validated;
import capslock.server.ServerCommand;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code capslock demo}: the stall and the fix side by side, as a table and a chart. */
@Command(name = "demo",
        description = {"Show the stall and the fix side by side: one payload through five clients, a table and a chart.",
                "Scenarios:",
                "1 the book's client, 2 naive writer reading concurrently, 3 water marks reading after sending,",
                "4 water marks reading concurrently (the fix), 5 the book's client against a server with backpressure off.",
                "Starts the servers in-process on free loopback ports unless --host/--port name a running one",
                "(scenario 5 always uses an in-process server). --web serves the same live, in a browser.",
                "Every option can also be set as CAPSLOCK_DEMO_<OPTION>."})
public final class DemoCommand implements Callable<Integer> {

    @Mixin
    ServerTarget target;

    @Option(names = "--admin-port", paramLabel = "PORT", defaultValue = ServerCommand.DEFAULT_ADMIN_PORT,
            converter = Converters.Port.class,
            description = "With --host/--port: the running server's admin endpoint, for its side of the connections (0: none).")
    int adminPort;

    @Option(names = "--bytes", paramLabel = "SIZE", defaultValue = "32MiB", converter = Converters.PositiveSize.class,
            description = "Payload per scenario: large enough to overflow this machine's loopback socket buffers (they "
                    + "grow to several MiB), small enough for a quick demo. With --web, the page's default, and the "
                    + "most a run from the page may send if above 256 MiB.")
    long bytes;

    @Option(names = "--write-size", paramLabel = "SIZE", defaultValue = "16", converter = Converters.IntSize.class,
            description = "Bytes per write (16: the book's message).")
    int writeSize;

    @Option(names = "--water-mark", paramLabel = "LOW:HIGH", defaultValue = WaterMark.DEFAULT,
            converter = Converters.WaterMarks.class, description = "Water marks of the client (and in-process servers).")
    WaterMark waterMark;

    @Option(names = "--stall-timeout", paramLabel = "DURATION", defaultValue = "3s", converter = Converters.Durations.class,
            description = "How long nothing may move before a scenario counts as stalled.")
    Duration stallTimeout;

    @Option(names = "--max-pending", paramLabel = "SIZE", defaultValue = "512MiB", converter = Converters.PositiveSize.class,
            description = "The client's memory guard; above send's 64MiB so that the naive writers show how much they "
                    + "queue (with 16-byte writes Netty counts 7 bytes per payload byte) instead of being stopped.")
    long maxPending;

    @Mixin
    SocketOptions socket;

    @Option(names = "--chart", paramLabel = "FILE.png", defaultValue = "capslock-demo.png", description = "Where to draw the chart.")
    Path chart;

    @Option(names = "--timeline-dir", paramLabel = "DIR", description = "Also write each scenario's samples as DIR/scenario-N.csv.")
    Path timelineDir;

    @Option(names = "--json", description = "Print the table as JSON.")
    boolean json;

    @Option(names = "--web", description = "Serve a page instead, on --web-host:--web-port, that starts the scenarios "
            + "(or runs of your own) and charts them live; Ctrl-C stops it.")
    boolean web;

    @Option(names = "--web-host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "The page's address: loopback, since the page can start load.")
    String webHost;

    @Option(names = "--web-port", paramLabel = "PORT", defaultValue = "8081", converter = Converters.Port.class,
            description = "The page's port (0: any free one).")
    int webPort;

    @Spec
    CommandSpec spec;

    DemoSettings settings() {
        return Validated.of(spec, () -> new DemoSettings(target.external() ? target.host() : null, target.port(), adminPort,
                bytes, writeSize, stallTimeout, maxPending, socket.transportConfig(waterMark), timelineDir));
    }

    @Override
    public Integer call() throws InterruptedException {
        DemoSettings settings = settings();
        if (web) {
            return serveTheWebView(settings);
        }
        OutputFiles.checkWritable("--chart", chart);
        // The in-process servers' per-connection log lines would interleave with the demo's own output.
        ((Logger) LoggerFactory.getLogger("capslock.server")).setLevel(Level.WARN);
        if (!json) {
            System.out.println("capslock demo: " + Sizes.grouped(BookPayload.roundUp(bytes)) + " B per scenario in "
                    + writeSize + "-byte writes, water marks " + waterMark + ", stall timeout " + Durations.format(stallTimeout)
                    + ", memory guard " + Sizes.format(maxPending)
                    + (settings.external() ? ", server " + settings.host() + ":" + settings.port() : ""));
        }
        DemoRunner runner = new DemoRunner(settings, json ? System.err : System.out, System.console() != null);
        // SIGINT (Ctrl-C) or SIGTERM interrupts the scenario under way; the table and chart show what ran until then.
        ShutdownSignal.installThen("capslock-demo-signal", runner::stop);
        List<RunResult> results;
        try {
            results = runner.run();
        } catch (UncheckedIOException e) {
            throw new CapslockException(ExitCodes.FAILURE, e.getMessage());
        }
        if (runner.stopped() != null) {
            PrintStream say = json ? System.err : System.out;
            if (results.isEmpty()) {
                say.println("capslock demo: interrupted (" + runner.stopped() + ") before the first scenario");
                return ExitCodes.INTERRUPTED;
            }
            say.println("capslock demo: interrupted (" + runner.stopped() + ") in scenario " + results.size() + " of "
                    + Scenario.values().length + "; the scenarios run until then:");
        }
        try {
            DemoChart.write(results, chart);
        } catch (IOException | RuntimeException e) {
            throw new CapslockException(ExitCodes.FAILURE, "cannot write the chart " + chart + ": " + OutputFiles.reason(e));
        }
        if (json) {
            System.out.println(DemoReport.json(results, chart.toAbsolutePath().toString()));
        } else {
            System.out.println();
            System.out.print(DemoReport.table(results));
            System.out.println();
            System.out.println("chart: " + chart);
        }
        return runner.stopped() != null ? ExitCodes.INTERRUPTED : exitCode(results);
    }

    private int serveTheWebView(DemoSettings settings) throws InterruptedException {
        ((Logger) LoggerFactory.getLogger("capslock.server")).setLevel(Level.WARN);
        ShutdownSignal signal = ShutdownSignal.install();
        try (DemoWeb view = new DemoWeb(settings, webHost, webPort)) {
            String host = webHost.contains(":") ? "[" + webHost + "]" : webHost;
            System.out.println("capslock demo: open http://" + host + ":" + view.port() + "/ in a browser (Ctrl-C stops)");
            signal.await();
        }
        System.out.println("capslock demo: stopped (" + signal.name() + ")");
        return ExitCodes.OK;
    }

    /**
     * Stalls and the memory guard are what the demo shows; a wrong reply or a failed connection means that a scenario
     * could not be shown (a server that does not uppercase, or closes early): the exit code says so too.
     */
    static int exitCode(List<RunResult> results) {
        return results.stream().map(r -> r.summary().outcome())
                .filter(o -> o == Outcome.VERIFY_FAILED || o == Outcome.FAILED)
                .mapToInt(Outcome::exitCode).findFirst().orElse(ExitCodes.OK);
    }
}
