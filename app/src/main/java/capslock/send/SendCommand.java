package capslock.send;

import capslock.Json;
import capslock.client.BookPayload;
import capslock.client.Payload;
import capslock.client.ReaderKind;
import capslock.client.SendClient;
import capslock.client.SendConfig;
import capslock.client.SendSummary;
import capslock.client.StreamPayload;
import capslock.client.Timeline;
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
import capslock.common.cli.Validated;
import capslock.common.text.TextCharset;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code capslock send}: sends a payload through the service, verifies the reply, and explains a stall. */
@Command(name = "send",
        description = {"Send a payload to the uppercase service and verify every byte of the reply.",
                "--mode naive behaves like the book's client (writes everything, then reads) and freezes with a large "
                        + "payload; capslock detects the freeze and explains it. --mode backpressure (the default) "
                        + "writes only while the channel is writable and reads concurrently.",
                "Every option can also be set as CAPSLOCK_SEND_<OPTION>, e.g. CAPSLOCK_SEND_PORT=1060."})
public final class SendCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--bytes", paramLabel = "SIZE", converter = Converters.PositiveSize.class,
            description = "Send SIZE bytes of the book's message 'capitalize this!', rounded up to whole messages "
                    + "(default 1MiB).")
    Long bytes;

    @Option(names = "--input", paramLabel = "FILE", description = "Send this file instead (- for standard input).")
    String input;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the reply here (- for standard output).")
    String output;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "backpressure",
            description = "naive (naive writer, read after sending: the book's client) or backpressure "
                    + "(watermark writer, concurrent reader).")
    Mode mode;

    @Option(names = "--writer", paramLabel = "WRITER", description = "naive or watermark; overrides --mode's writer.")
    WriterKind writer;

    @Option(names = "--reader", paramLabel = "READER", description = "after or concurrent; overrides --mode's reader.")
    ReaderKind reader;

    @Option(names = "--water-mark", paramLabel = "LOW:HIGH", defaultValue = WaterMark.DEFAULT,
            converter = Converters.WaterMarks.class, description = "The client channel's write-buffer water marks.")
    WaterMark waterMark;

    @Option(names = "--write-size", paramLabel = "SIZE", defaultValue = "16", converter = Converters.IntSize.class,
            description = "Bytes per write (16: the book's message).")
    int writeSize;

    @Option(names = "--rate", paramLabel = "RATE", converter = Converters.Rate.class,
            description = "Write at this rate, on a schedule (e.g. 10MB/s); latency counts from when each write was due.")
    Long rate;

    @Option(names = "--read-rate", paramLabel = "RATE", converter = Converters.Rate.class,
            description = "Read at most this fast (e.g. 1MB/s): a slow consumer.")
    Long readRate;

    @Option(names = "--stall-timeout", paramLabel = "DURATION", defaultValue = "5s", converter = Converters.Durations.class,
            description = "Stop and explain when no byte has moved either way for this long, or (reading while writing) "
                    + "no reply has come back for this long while bytes went out.")
    Duration stallTimeout;

    @Option(names = "--max-pending", paramLabel = "SIZE", defaultValue = SendConfig.DEFAULT_MAX_PENDING_TEXT,
            converter = Converters.PositiveSize.class,
            description = "Stop when the client's outbound buffer holds more than this (Netty's count).")
    long maxPending;

    @Option(names = "--charset", paramLabel = "CHARSET", defaultValue = "ascii", converter = Converters.Charsets.class,
            description = "How the server uppercases, for verifying: ascii or utf-8.")
    TextCharset charset;

    @Option(names = {"-q", "--quiet"}, description = "No progress display.")
    boolean quiet;

    @Option(names = "--json", description = "Print the summary as one JSON object.")
    boolean json;

    @Option(names = "--timeline", paramLabel = "FILE.csv", description = "Write a sample every 50 ms (columns: "
            + Timeline.HEADER + ").")
    Path timeline;

    @Spec
    CommandSpec spec;

    SendConfig config() {
        return Validated.of(spec, () -> new SendConfig(connection.host, connection.port,
                connection.socket.transportConfig(waterMark), writer != null ? writer : mode.writer,
                reader != null ? reader : mode.reader, writeSize, stallTimeout, maxPending, charset,
                rate == null ? 0 : rate, readRate == null ? 0 : readRate));
    }

    Payload payload() {
        Validated.of(spec, () -> {
            if (input != null && bytes != null) {
                throw new IllegalArgumentException("--bytes and --input cannot be used together");
            }
            return input;
        });
        return input != null ? StreamPayload.open(input, System.in) : new BookPayload(bytes != null ? bytes : 1L << 20);
    }

    @Override
    public Integer call() throws InterruptedException, IOException {
        SendConfig config = config();
        OutputFiles.checkWritable("--timeline", timeline);
        boolean replyOnStdout = "-".equals(output);
        PrintStream report = replyOnStdout ? System.err : System.out;
        try (Payload payload = payload(); OutputStream out = openOutput(); Timeline samples = openTimeline()) {
            if (!quiet && !json) {
                System.err.println("capslock send: " + (payload.size() < 0 ? "a stream" : Sizes.grouped(payload.size()) + " B")
                        + " to " + config.host() + ":" + config.port() + ", " + config.modeLabel()
                        + (config.sendRate() > 0 ? " at " + Rates.format(config.sendRate()) : "")
                        + (config.readRate() > 0 ? ", reading at most " + Rates.format(config.readRate()) : "")
                        + ", stall timeout " + Durations.format(config.stallTimeout()));
            }
            SendClient client = SendClient.start(config, payload, out, samples != null ? samples : s -> { });
            // SIGINT (Ctrl-C) or SIGTERM ends the transfer where it is; the summary says what was done until then.
            ShutdownSignal.installThen("capslock-send-signal", client::interrupt);
            new ProgressDisplay(ProgressDisplay.styleFor(quiet || json), System.err).follow(client.transfer(), payload.size());
            SendSummary summary = client.await();
            report.println(json ? Json.write(summary) : "\n" + summary.toText());
            return summary.exitCode();
        }
    }

    private OutputStream openOutput() {
        if (output == null) {
            return null;
        }
        if (output.equals("-")) {
            // Flushed but never closed: the summary may still go to stderr, and System.out belongs to the JVM.
            return new FilterOutputStream(new BufferedOutputStream(System.out, 64 * 1024)) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            };
        }
        try {
            return new BufferedOutputStream(Files.newOutputStream(Path.of(output)), 64 * 1024);
        } catch (IOException e) {
            throw new CapslockException(ExitCodes.USAGE, "--output " + output + ": cannot write (" + OutputFiles.reason(e) + ")");
        }
    }

    private Timeline openTimeline() {
        if (timeline == null) {
            return null;
        }
        try {
            return new Timeline(timeline);
        } catch (IOException e) {
            throw new CapslockException(ExitCodes.USAGE, "--timeline " + timeline + ": cannot write (" + OutputFiles.reason(e) + ")");
        }
    }
}
