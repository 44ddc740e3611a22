package capslock.bench;

import capslock.ServerTarget;
import capslock.client.ReaderKind;
import capslock.client.SendConfig;
import capslock.client.WriterKind;
import capslock.common.Durations;
import capslock.common.Rates;
import capslock.common.Sizes;
import capslock.common.WaterMark;
import capslock.common.cli.CapslockException;
import capslock.common.cli.Converters;
import capslock.common.cli.ExitCodes;
import capslock.common.cli.OutputFiles;
import capslock.common.cli.ShutdownSignal;
import capslock.common.cli.SocketOptions;
import capslock.common.cli.Validated;
import capslock.common.text.AsciiUpperCase;
import capslock.common.text.TextCharset;
import capslock.server.CapslockServer;
import capslock.server.ServerConfig;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code capslock bench}: throughput and latency through the real pipeline, one row per connection count, every byte verified. */
@Command(name = "bench",
        description = {"Measure throughput and byte latency through the uppercase service with backpressure on: each "
                + "connection writes with water marks and reads concurrently, and every byte is verified.",
                "--rate sends on a schedule (open loop, as wrk2 does) and counts latency from when each write was due; "
                        + "--rtt measures closed-loop round trips of the book's 16-byte message instead.",
                "Without --host/--port it starts the server in-process, on its own event loops. --merge combines "
                        + "several runs' --json results (one per pod, say) into one report.",
                "Every option can also be set as CAPSLOCK_BENCH_<OPTION>."})
public final class BenchCommand implements Callable<Integer> {
    /** Added to the first row's warm-up, while the JVM compiles the client's (and an in-process server's) hot path. */
    static final Duration JIT_WARMUP = Duration.ofSeconds(4);

    @Mixin
    ServerTarget target;

    @Option(names = "--connections", paramLabel = "N[,N...]", split = ",", defaultValue = "1,4,16",
            description = "Connection counts, one result row each.")
    List<Integer> connections;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "10s", converter = Converters.Durations.class,
            description = "How long each row sends, after the warm-up (ignored with --bytes).")
    Duration duration;

    @Option(names = "--bytes", paramLabel = "SIZE", converter = Converters.PositiveSize.class,
            description = "Send this much per connection instead of for a duration.")
    Long bytes;

    @Option(names = "--rate", paramLabel = "RATE", converter = Converters.Rate.class,
            description = "Send at this total rate (e.g. 200MB/s, spread evenly over a row's connections) on a schedule; "
                    + "latency counts from when each write was due, so a stall is charged to every byte it delayed.")
    Long rate;

    @Option(names = "--read-rate", paramLabel = "RATE", converter = Converters.Rate.class,
            description = "Read the replies at most this fast in all (spread evenly over a row's connections): slow readers.")
    Long readRate;

    @Option(names = "--rtt", description = "Closed-loop round trips of the book's 16-byte message (TCP_NODELAY): "
            + "round trips per second and their percentiles.")
    boolean rtt;

    @Option(names = "--warmup", paramLabel = "DURATION", defaultValue = "2s", converter = Converters.Durations.class,
            description = "Excluded from the figures, like iperf3 -O; the first row's is 4s longer, while the JIT compiles.")
    Duration warmup;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "1s", converter = Converters.Durations.class,
            description = "A progress line this often, like iperf3 -i.")
    Duration interval;

    @Option(names = "--write-size", paramLabel = "SIZE", defaultValue = "64KiB", converter = Converters.IntSize.class,
            description = "Bytes per write.")
    int writeSize;

    @Option(names = "--water-mark", paramLabel = "LOW:HIGH", defaultValue = WaterMark.DEFAULT,
            converter = Converters.WaterMarks.class, description = "Water marks of the clients and the in-process server.")
    WaterMark waterMark;

    @Option(names = "--chunk-size", paramLabel = "SIZE", defaultValue = "1024", converter = Converters.IntSize.class,
            description = "The in-process server's chunk size.")
    int chunkSize;

    @Mixin
    SocketOptions socket;

    @Option(names = "--no-verify", negatable = false, description = "Count the replies without checking them (the report says so).")
    boolean noVerify;

    @Option(names = "--chart", paramLabel = "FILE.png", description = "Also draw throughput and latency against connections.")
    Path chart;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the rows as JSON (- : on standard output, "
            + "the report going to standard error).")
    Path json;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the rows as CSV.")
    Path csv;

    @Option(names = "--histogram", paramLabel = "DIR",
            description = "Also write each row's latency distribution as DIR/<mode>-<N>conn.hgrm (HdrHistogram's text format).")
    Path histogramDir;

    @Option(names = "--merge", paramLabel = "FILE", arity = "1..*",
            description = "Combine these --json results (- : standard input; a log with the result's line in it will do) "
                    + "into one report instead of measuring.")
    List<String> merge;

    @Spec
    CommandSpec spec;

    private boolean jsonOnStdout() {
        return json != null && json.toString().equals("-");
    }

    @Override
    public Integer call() throws InterruptedException {
        validate();
        PrintStream out = jsonOnStdout() ? System.err : System.out;
        OutputFiles.checkWritable("--json", jsonOnStdout() ? null : json);
        OutputFiles.checkWritable("--csv", csv);
        OutputFiles.checkWritable("--chart", chart);
        OutputFiles.checkDirectory("--histogram", histogramDir);
        if (merge != null) {
            List<BenchRow> rows = BenchMerge.merge(readResults());
            out.println("capslock bench: " + merge.size() + " result(s) merged: " + String.join(", ", merge));
            return report(out, "merged: " + String.join(", ", merge), rows, false, ExitCodes.OK);
        }
        ((Logger) LoggerFactory.getLogger("capslock.server")).setLevel(Level.WARN);
        boolean embedded = !target.external();
        List<BenchRow> rows = new ArrayList<>();
        // Ctrl-C ends the row in progress and reports what was measured, as iperf3 does, instead of losing the run.
        ShutdownSignal signal = ShutdownSignal.install();
        BenchRunner runner = new BenchRunner(out, signal::received);
        RoundTripRunner roundTrips = new RoundTripRunner(out, signal::received);
        List<Integer> notRun = new ArrayList<>();
        String where;
        try (CapslockServer server = embedded ? CapslockServer.start(embeddedServerConfig()) : null) {
            int port = embedded ? server.port() : target.port();
            where = embedded ? "in-process server (" + server.transport().transport().label() + ", uppercase kernel "
                    + AsciiUpperCase.kernel() + ")" : target.host() + ":" + port;
            SendConfig client = Validated.of(spec, () -> new SendConfig(target.host(), port, socket.transportConfig(waterMark),
                    WriterKind.WATERMARK, ReaderKind.CONCURRENT, writeSize, Duration.ofSeconds(5), 64L << 20,
                    TextCharset.ASCII, 0, 0));
            out.println("capslock bench: " + where + ", " + header());

            boolean first = true;
            for (int n : connections) {
                if (signal.received()) {
                    notRun.add(n);
                    continue;
                }
                Duration rowWarmup = first && !warmup.isZero() ? warmup.plus(JIT_WARMUP) : warmup;
                first = false;
                Optional<BenchRow> row = rtt ? roundTrips.run(client, n, duration, rowWarmup, interval)
                        : runner.run(new BenchRunner.Plan(client, n, bytes == null ? 0 : bytes, bytes == null ? duration : null,
                                rowWarmup, interval, embedded, !noVerify, rate == null ? 0 : rate,
                                readRate == null ? 0 : readRate));
                row.ifPresentOrElse(rows::add, () -> notRun.add(n));
            }
        }
        if (signal.received()) {
            out.println("interrupted (" + signal.name() + ")" + (rows.isEmpty() ? "" : ": the last row covers the time up to then")
                    + (notRun.isEmpty() ? "" : "; not measured: " + notRun.stream().map(String::valueOf)
                            .collect(Collectors.joining(", ")) + " connection(s)"));
            if (rows.isEmpty()) {
                return ExitCodes.INTERRUPTED;
            }
        }
        int exit = signal.received() ? ExitCodes.INTERRUPTED : rtt ? roundTrips.exitCode() : runner.exitCode();
        return report(out, where, rows, true, exit);
    }

    private String header() {
        String what = rtt ? "closed-loop round trips of 16 bytes for " + Durations.format(duration)
                : (bytes != null ? Sizes.format(bytes) + " per connection" : Durations.format(duration))
                + (rate != null ? " at " + Rates.format(rate) + " in all, on a schedule" : "")
                + (readRate != null ? ", replies read at most " + Rates.format(readRate) + " in all" : "");
        return what + " after a " + Durations.format(warmup) + " warm-up"
                + (warmup.isZero() ? "" : " (" + Durations.format(warmup.plus(JIT_WARMUP)) + " before the first row, while the JIT compiles)")
                + (rtt ? "" : ", " + writeSize + "-byte writes, water marks " + waterMark)
                + (noVerify ? ", replies NOT verified (--no-verify)" : ", every byte verified");
    }

    /** Bad combinations are usage errors, as bad values are. */
    private void validate() {
        Validated.of(spec, () -> {
            if (connections.stream().anyMatch(n -> n < 1)) {
                throw new IllegalArgumentException("--connections must all be at least 1");
            }
            if (interval.isZero() || interval.isNegative() || duration.isZero() || duration.isNegative()) {
                throw new IllegalArgumentException("--interval and --duration must be positive");
            }
            if (rtt && (rate != null || bytes != null || readRate != null)) {
                throw new IllegalArgumentException("--rtt measures round trips for --duration: it takes neither --rate nor --bytes");
            }
            if (rate != null && bytes == null && merge == null) {
                int most = connections.stream().max(Integer::compare).orElse(1);
                double writeSeconds = (double) writeSize * most / rate;
                if (writeSeconds > duration.toNanos() / 1e9) {
                    throw new IllegalArgumentException("--rate " + Rates.format(rate) + " is too low: spread over " + most
                            + (most == 1 ? " connection" : " connections") + " it is one " + Sizes.format(writeSize)
                            + " write every " + roughly(writeSeconds)
                            + " on each, less than one in --duration " + Durations.format(duration)
                            + " (raise --rate or --duration, or lower --write-size)");
                }
            }
            if (merge != null && (rtt || rate != null || bytes != null || target.external())) {
                throw new IllegalArgumentException("--merge combines results: it measures nothing, so it takes no "
                        + "--host, --port, --rate, --rtt or --bytes");
            }
            return this;
        });
    }

    /** {@code 850 ms}, {@code 2.5 s}, {@code 36 min}, {@code 3.6 h}: a wait as a reader would say it. */
    private static String roughly(double seconds) {
        if (seconds < 1) {
            return Math.round(seconds * 1000) + " ms";
        }
        if (seconds < 120) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        return seconds < 7200 ? Math.round(seconds / 60) + " min" : String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }

    private List<List<BenchRow>> readResults() {
        List<List<BenchRow>> runs = new ArrayList<>();
        for (String name : merge) {
            String text;
            try {
                text = name.equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                        : Files.readString(Path.of(name));
            } catch (IOException e) {
                throw new CapslockException(ExitCodes.USAGE, "--merge " + name + ": cannot read (" + OutputFiles.reason(e) + ")");
            }
            try {
                runs.add(BenchMerge.read(name.equals("-") ? "standard input" : name, text));
            } catch (IllegalArgumentException e) {
                throw new CapslockException(ExitCodes.USAGE, "--merge " + e.getMessage());
            }
        }
        return runs;
    }

    private int report(PrintStream out, String where, List<BenchRow> rows, boolean measured, int exit) {
        out.println();
        out.print(BenchReport.table(rows));
        String jsonText = BenchReport.json(where, rows, jsonOnStdout());
        if (jsonOnStdout()) {
            System.out.println(jsonText);
        } else {
            write(json, jsonText);
        }
        write(csv, BenchReport.csv(rows));
        if (histogramDir != null) {
            for (BenchRow row : rows) {
                Path file = histogramDir.resolve(row.mode() + "-" + row.connections() + "conn"
                        + (row.targetMegabytesPerSecond() != null ? "-" + Math.round(row.targetMegabytesPerSecond()) + "MBps" : "")
                        + ".hgrm");
                try {
                    LatencyHistograms.writeDistribution(LatencyHistograms.decode(row.histogram()), file);
                } catch (IOException e) {
                    throw new CapslockException(ExitCodes.FAILURE, "cannot write " + file + ": " + OutputFiles.reason(e));
                }
            }
            out.println("histograms: " + histogramDir);
        }
        if (chart != null) {
            try {
                BenchChart.write(rows, chart);
            } catch (IOException | RuntimeException e) {
                throw new CapslockException(ExitCodes.FAILURE, "cannot write the chart " + chart + ": " + OutputFiles.reason(e));
            }
            out.println("chart: " + chart);
        }
        return exit;
    }

    /** The in-process server: the same water marks, transport and socket buffers as the clients. */
    ServerConfig embeddedServerConfig() {
        return Validated.of(spec, () -> ServerConfig.loopback().withChunkSize(chunkSize).withTransport(socket.transportConfig(waterMark)));
    }

    private static void write(Path file, String content) {
        if (file == null) {
            return;
        }
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new CapslockException(ExitCodes.FAILURE, "cannot write " + file + ": " + OutputFiles.reason(e));
        }
    }
}
