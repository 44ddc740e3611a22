package capslock.bench;

import capslock.client.ReaderKind;
import capslock.client.SendConfig;
import capslock.client.WriterKind;
import capslock.client.ServerTarget;
import capslock.common.Durations;
import capslock.common.WaterMark;
import capslock.common.cli.CapslockException;
import capslock.common.cli.Converters;
import capslock.common.cli.ExitCodes;
import capslock.common.cli.OutputFiles;
import capslock.common.cli.ShutdownSignal;
import capslock.common.cli.SocketOptions;
import capslock.common.cli.VersionProvider;
import capslock.common.text.AsciiUpperCase;
import capslock.common.text.TextCharset;
import capslock.server.CapslockServer;
import capslock.server.ServerConfig;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code capslock bench}: throughput through the real pipeline, one row per connection count, every byte verified. */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        showDefaultValues = true,
        description = {"Measure throughput through the uppercase service with backpressure on: each connection writes "
                + "with water marks and reads concurrently, and every byte is verified.",
                "Without --host/--port it starts the server in-process, on its own event loops."})
public final class BenchCommand implements Callable<Integer> {

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

    /**
     * Added to the first row's warm-up: the JVM compiles the client's (and an in-process server's) hot path in
     * its first seconds under load; a first row's interval lines read 297, 470, 661, then 1,400 MB/s from its
     * fourth second on.
     */
    static final Duration JIT_WARMUP = Duration.ofSeconds(4);

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

    @Option(names = "--chart", paramLabel = "FILE.png", description = "Also draw throughput against connections.")
    Path chart;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the rows as JSON.")
    Path json;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the rows as CSV.")
    Path csv;

    @Override
    public Integer call() throws InterruptedException {
        if (connections.stream().anyMatch(n -> n < 1)) {
            throw new CapslockException(ExitCodes.USAGE, "--connections must all be at least 1");
        }
        if (interval.isZero() || duration.isZero()) {
            throw new CapslockException(ExitCodes.USAGE, "--interval and --duration must be positive");
        }
        ((Logger) LoggerFactory.getLogger("capslock.server")).setLevel(Level.WARN);
        boolean embedded = !target.external();
        OutputFiles.checkWritable("--json", json);
        OutputFiles.checkWritable("--csv", csv);
        OutputFiles.checkWritable("--chart", chart);
        List<BenchRow> rows = new ArrayList<>();
        // Ctrl-C ends the row in progress and reports what was measured, as iperf3 does, instead of losing the run.
        ShutdownSignal signal = ShutdownSignal.install();
        BenchRunner runner = new BenchRunner(System.out, signal::received);
        List<Integer> notRun = new ArrayList<>();
        try (CapslockServer server = embedded ? CapslockServer.start(embeddedServerConfig()) : null) {
            String targetHost = target.host();
            int targetPort = embedded ? server.port() : target.port();
            SendConfig client = new SendConfig(targetHost, targetPort, socket.transport, socket.sndbuf, socket.rcvbuf,
                    WriterKind.WATERMARK, ReaderKind.CONCURRENT, waterMark, writeSize, Duration.ofSeconds(5), 64L << 20,
                    TextCharset.ASCII);
            System.out.println("capslock bench: " + (embedded ? "in-process server (" + server.transport().transport().label()
                    + ", uppercase kernel " + AsciiUpperCase.kernel() + ")" : targetHost + ":" + targetPort) + ", "
                    + (bytes != null ? capslock.common.Sizes.format(bytes) + " per connection" : Durations.format(duration))
                    + " after a " + Durations.format(warmup) + " warm-up"
                    + (warmup.isZero() ? "" : " (" + Durations.format(warmup.plus(JIT_WARMUP)) + " before the first row, while the JIT compiles)")
                    + ", " + writeSize + "-byte writes, water marks "
                    + waterMark + (noVerify ? ", replies NOT verified (--no-verify)" : ", every byte verified"));
            boolean first = true;
            for (int n : connections) {
                if (signal.received()) {
                    notRun.add(n);
                    continue;
                }
                Duration rowWarmup = first && !warmup.isZero() ? warmup.plus(JIT_WARMUP) : warmup;
                first = false;
                runner.run(new BenchRunner.Plan(client, n, bytes == null ? 0 : bytes, bytes == null ? duration : null,
                        rowWarmup, interval, embedded, !noVerify)).ifPresentOrElse(rows::add, () -> notRun.add(n));
            }
        }
        if (signal.received()) {
            System.out.println("interrupted (" + signal.name() + ")" + (rows.isEmpty() ? "" : ": the last row covers the time up to then")
                    + (notRun.isEmpty() ? "" : "; not measured: " + notRun.stream().map(String::valueOf)
                            .collect(java.util.stream.Collectors.joining(", ")) + " connection(s)"));
            if (rows.isEmpty()) {
                return ExitCodes.INTERRUPTED;
            }
        }
        System.out.println();
        System.out.print(BenchReport.table(rows));
        write(json, BenchReport.json(rows));
        write(csv, BenchReport.csv(rows));
        if (chart != null) {
            try {
                BenchChart.write(rows, chart);
            } catch (IOException | RuntimeException e) {
                throw new CapslockException(ExitCodes.FAILURE, "cannot write the chart " + chart + ": " + OutputFiles.reason(e));
            }
            System.out.println("chart: " + chart);
        }
        return signal.received() ? ExitCodes.INTERRUPTED : runner.exitCode();
    }

    /** The in-process server: the same water marks, transport and socket buffers as the clients. */
    ServerConfig embeddedServerConfig() {
        return ServerConfig.loopback().withChunkSize(chunkSize).withWaterMark(waterMark).withTransport(socket.transport)
                .withSocketBuffers(socket.sndbuf, socket.rcvbuf);
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
