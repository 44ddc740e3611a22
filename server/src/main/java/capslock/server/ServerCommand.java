package capslock.server;

import capslock.common.Durations;
import capslock.common.Protocol;
import capslock.common.WaterMark;
import capslock.common.cli.Converters;
import capslock.common.cli.LogFormat;
import capslock.common.cli.ShutdownSignal;
import capslock.common.cli.SocketOptions;
import capslock.common.cli.Validated;
import capslock.common.cli.VersionProvider;
import capslock.common.text.TextCharset;
import capslock.server.admin.AdminServer;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code capslock server}: runs the uppercase service until Ctrl-C or SIGTERM, then drains. Its own help and version
 * options, because {@code capslock-server.jar} runs it with no parent command to inherit them from.
 */
@Command(name = "server", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Run the uppercase service. It speaks the book's protocol (plain TCP; the client half-closes "
                + "when done) and stops reading from a client whose replies pile up.",
                "Every option can also be set as an environment variable CAPSLOCK_SERVER_<OPTION>, e.g. "
                        + "CAPSLOCK_SERVER_PORT=1060; the command line wins."},
        sortOptions = false, showDefaultValues = true)
public final class ServerCommand implements Callable<Integer> {
    public static final String DEFAULT_ADMIN_PORT = "8080";
    public static final String DEFAULT_DRAIN_TIMEOUT = "20s";

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "0.0.0.0", description = "Address to listen on.")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = Protocol.PORT_TEXT, converter = Converters.Port.class,
            description = "TCP port (0 picks a free one).")
    int port;

    @Option(names = "--chunk-size", paramLabel = "SIZE", defaultValue = Protocol.CHUNK_SIZE_TEXT,
            converter = Converters.IntSize.class, description = "Largest chunk the decoder hands on, as the book's recv(1024).")
    int chunkSize;

    @Option(names = "--water-mark", defaultValue = WaterMark.DEFAULT, converter = Converters.WaterMarks.class,
            paramLabel = "LOW:HIGH", description = "Outbound buffer water marks: reading pauses while the queue stays above HIGH, resumes below LOW.")
    WaterMark waterMark;

    @Option(names = "--backpressure", defaultValue = "true", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
            description = "Stop reading while the channel is unwritable. false shows the server-side failure.")
    boolean backpressure;

    @Option(names = "--max-pending", paramLabel = "SIZE", defaultValue = ServerConfig.DEFAULT_MAX_PENDING_TEXT,
            converter = Converters.PositiveSize.class,
            description = "Close a connection whose outbound buffer passes this (a guard for --backpressure=false).")
    long maxPending;

    @Option(names = "--charset", paramLabel = "CHARSET", defaultValue = "ascii", converter = Converters.Charsets.class,
            description = "ascii (byte-exact, as the book) or utf-8 (Unicode uppercasing; length may change).")
    TextCharset charset;

    @Mixin
    SocketOptions socket;

    @Option(names = "--max-connections", paramLabel = "N", defaultValue = ServerConfig.DEFAULT_MAX_CONNECTIONS_TEXT,
            description = "Connections beyond this are closed at once (counted, logged at most once a second).")
    int maxConnections;

    @Option(names = "--idle-timeout", paramLabel = "DURATION", defaultValue = ServerConfig.DEFAULT_IDLE_TIMEOUT_TEXT,
            converter = Converters.Durations.class,
            description = "Close a connection on which no byte has moved either way for this long, e.g. a client "
                    + "that deadlocked itself as in the book (0: never).")
    Duration idleTimeout;

    @Option(names = "--io-threads", paramLabel = "N", defaultValue = "0",
            description = "Event loops that serve the connections, each a thread (0: one per CPU the JVM sees, a "
                    + "container's CPU limit included).")
    int ioThreads;

    @Option(names = "--admin-port", paramLabel = "PORT", defaultValue = DEFAULT_ADMIN_PORT, converter = Converters.Port.class,
            description = "HTTP port for /health/live, /health/ready, /metrics, /connections and a live page at / "
                    + "(0: no admin endpoint).")
    int adminPort;

    @Option(names = "--drain-timeout", paramLabel = "DURATION", defaultValue = DEFAULT_DRAIN_TIMEOUT,
            converter = Converters.Durations.class,
            description = "On SIGTERM, how long transfers in flight may take to finish before they are closed.")
    Duration drainTimeout;

    @Option(names = "--log-format", paramLabel = "FORMAT", defaultValue = "text", converter = Converters.LogFormats.class,
            description = "text, or json: one JSON object per line, for log collectors.")
    LogFormat logFormat;

    @Spec
    CommandSpec spec;

    /** The configuration the options describe; a combination that makes no sense is a usage error (exit 2). */
    ServerConfig config() {
        return Validated.of(spec, () -> new ServerConfig(host, port, chunkSize, backpressure, maxPending, charset,
                socket.transportConfig(waterMark), maxConnections, idleTimeout,
                ioThreads == 0 ? ServerConfig.defaultIoThreads() : ioThreads));
    }

    @Override
    public Integer call() throws InterruptedException {
        ServerConfig config = config();
        Validated.of(spec, () -> {
            if (drainTimeout.isNegative()) {
                throw new IllegalArgumentException("--drain-timeout must not be negative");
            }
            return drainTimeout;
        });
        logFormat.apply();
        ShutdownSignal signal = ShutdownSignal.install();
        try (CapslockServer server = CapslockServer.start(config);
             AdminServer admin = adminPort == 0 ? null : AdminServer.start(server, host, adminPort)) {
            signal.await();
            LoggerFactory.getLogger(ServerCommand.class).info("{} received: draining (up to {})", signal.name(),
                    Durations.format(drainTimeout));
            server.drain(drainTimeout);
        }
        return 0;
    }
}
