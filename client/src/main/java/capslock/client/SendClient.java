package capslock.client;

import capslock.common.cli.CapslockException;
import capslock.common.cli.ExitCodes;
import capslock.common.net.TransportFactory;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import java.io.OutputStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Connects, runs one transfer on its own event loop, and reports how it ended. */
public final class SendClient {
    private final SendConfig config;
    private final Payload payload;
    private final TransportFactory transport;
    private final EventLoopGroup group;
    private final Transfer transfer = new Transfer();
    private final ReplyVerifier verifier;

    private SendClient(SendConfig config, Payload payload, boolean verify) {
        this.config = config;
        this.payload = payload;
        this.transport = TransportFactory.resolve(config.transport());
        this.group = transport.newGroup(1, "capslock-send");
        this.verifier = verify ? new ReplyVerifier(payload.replay(), config.charset()) : ReplyVerifier.none();
    }

    /**
     * Connects and starts sending; {@code output} (may be null) receives the reply, {@code samples} a
     * snapshot every 50 ms. A failed connection is a {@link CapslockException} with exit code 1.
     */
    public static SendClient start(SendConfig config, Payload payload, OutputStream output, Consumer<Snapshot> samples) {
        return start(config, payload, output, samples, true);
    }

    /** As above; with {@code verify} false the reply is only counted (to measure what verification costs). */
    public static SendClient start(SendConfig config, Payload payload, OutputStream output, Consumer<Snapshot> samples,
                                   boolean verify) {
        SendClient client = new SendClient(config, payload, verify);
        client.connect(output, samples);
        return client;
    }

    private void connect(OutputStream output, Consumer<Snapshot> samples) {
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(transport.socketChannel())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) SendConfig.CONNECT_TIMEOUT.toMillis())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.AUTO_READ, config.reader() == ReaderKind.CONCURRENT)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, config.waterMark().toNetty())
                .handler(new SendInitializer(config, payload, transfer, verifier, output, samples));
        if (config.sndbuf() > 0) {
            bootstrap.option(ChannelOption.SO_SNDBUF, config.sndbuf());
        }
        if (config.rcvbuf() > 0) {
            bootstrap.option(ChannelOption.SO_RCVBUF, config.rcvbuf());
        }
        ChannelFuture connected = bootstrap.connect(config.host(), config.port()).awaitUninterruptibly();
        if (!connected.isSuccess()) {
            shutdown();
            verifier.close();
            payload.close();
            throw new CapslockException(ExitCodes.FAILURE, "cannot connect to " + config.host() + ":" + config.port()
                    + ": " + reason(connected.cause()));
        }
    }

    private static String reason(Throwable cause) {
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (message.contains("Connection refused")) {
            return "connection refused (is the server running?)";
        }
        return message.replaceFirst("^.*failed with error\\(-?\\d+\\): ", "");
    }

    public Transfer transfer() {
        return transfer;
    }

    String transportLabel() {
        return transport.transport().label();
    }

    /** Waits for the end: the monitor guarantees one (stall timeout, memory guard, or the server closing). */
    public SendSummary await() throws InterruptedException {
        Transfer.Result result;
        try {
            result = transfer.result().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            shutdown(); // runs the remaining event-loop tasks: the reply handler closes its output there
            payload.close();
        }
        Long firstDifference = verifier.firstDifference() >= 0 ? verifier.firstDifference() : null;
        return SendSummary.of(config, transportLabel(), payload.size(), transfer, result, firstDifference);
    }

    private void shutdown() {
        group.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    }
}
