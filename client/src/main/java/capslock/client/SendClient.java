package capslock.client;

import capslock.common.Errors;
import capslock.common.Sizes;
import capslock.common.cli.CapslockException;
import capslock.common.cli.ExitCodes;
import capslock.common.net.TransportFactory;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import java.io.OutputStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * Connects, runs one transfer on an event loop (its own, or one of a group the caller shares between transfers and
 * owns), and reports how it ended.
 */
public final class SendClient {
    private final SendConfig config;
    private final Payload payload;
    private final TransportFactory transport;
    private final EventLoopGroup group;
    private final boolean ownsGroup;
    private final Transfer transfer;
    private final ReplyVerifier verifier;
    private Consumer<Snapshot> samples;
    private Channel channel;

    private SendClient(SendConfig config, Payload payload, boolean verify, EventLoopGroup sharedGroup) {
        this.config = config;
        this.payload = payload;
        this.transport = config.transport().resolve();
        this.ownsGroup = sharedGroup == null;
        this.group = ownsGroup ? transport.newGroup(1, "capslock-send") : sharedGroup;
        this.transfer = new Transfer(config.measuresLatency());
        this.verifier = verify ? new ReplyVerifier(payload.replay(), config.charset()) : ReplyVerifier.none();
    }

    /**
     * Connects and starts sending; {@code output} (may be null) receives the reply, {@code samples} a
     * {@linkplain Snapshot sample} every 50 ms, on the transfer's event loop. A failed connection is a
     * {@link CapslockException} with exit code 1.
     */
    public static SendClient start(SendConfig config, Payload payload, OutputStream output, Consumer<Snapshot> samples) {
        return start(config, payload, output, samples, true);
    }

    /** As above; with {@code verify} false the reply is only counted (to measure what verification costs). */
    public static SendClient start(SendConfig config, Payload payload, OutputStream output, Consumer<Snapshot> samples,
                                   boolean verify) {
        SendClient client = new SendClient(config, payload, verify, null);
        client.connect(output, samples);
        return client;
    }

    /**
     * As above, on one of {@code group}'s event loops ({@code config}'s transport), which other transfers may share:
     * the caller shuts the group down once every transfer on it has been {@linkplain #await() awaited}.
     */
    public static SendClient start(SendConfig config, Payload payload, OutputStream output, Consumer<Snapshot> samples,
                                   boolean verify, EventLoopGroup group) {
        SendClient client = new SendClient(config, payload, verify, group);
        client.connect(output, samples);
        return client;
    }

    private void connect(OutputStream output, Consumer<Snapshot> samples) {
        this.samples = samples;
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(transport.socketChannel())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) SendConfig.CONNECT_TIMEOUT.toMillis())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.AUTO_READ, false) // ReadControl decides
                .handler(new SendInitializer(config, transport.sleepsUnderAMillisecond(), payload, transfer, verifier, output,
                        samples));
        config.transport().applyTo(bootstrap);
        if (config.readRate() > 0) {
            // Small reads, one per loop turn, so that a slow reader's pauses are not overrun by one 16-read burst.
            int readSize = (int) Math.max(1024, Math.min(64 * 1024, config.readRate() / 50));
            bootstrap.option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(readSize).maxMessagesPerRead(1));
        }
        ChannelFuture connected = bootstrap.connect(config.host(), config.port()).awaitUninterruptibly();
        channel = connected.channel();
        if (!connected.isSuccess()) {
            shutdown();
            verifier.close();
            payload.close();
            throw new CapslockException(ExitCodes.FAILURE, "cannot connect to " + config.host() + ":" + config.port()
                    + ": " + reason(connected.cause()));
        }
    }

    private static String reason(Throwable cause) {
        String message = Errors.describe(cause);
        if (message.contains("Connection refused")) {
            return "connection refused (is the server running?)";
        }
        return message.replaceFirst("^.*failed with error\\(-?\\d+\\): ", "");
    }

    public Transfer transfer() {
        return transfer;
    }

    /**
     * Ends the transfer now, as {@link Outcome#INTERRUPTED}, because of {@code why} (e.g. {@code SIGTERM}), and closes
     * the connection; {@link #await()} then reports what was sent, answered and measured until then. Does nothing to
     * a transfer that has already ended. Safe from any thread.
     */
    public void interrupt(String why) {
        transfer.onEventLoop(() -> transfer.finish(Outcome.INTERRUPTED, s -> "interrupted by " + why + " after "
                + Sizes.grouped(s.written()) + " B sent and " + Sizes.grouped(s.received()) + " B answered"));
    }

    /** Forgets the byte latency answered so far (a warm-up's), on the transfer's event loop. */
    public void resetLatency() {
        if (transfer.latency() != null) {
            transfer.onEventLoop(transfer.latency()::reset);
        }
    }

    /**
     * The byte latency histogram (nanoseconds, from when each mark was due), once the transfer has ended; null when
     * latency is not measured (UTF-8 mode). {@code uncorrected}: from when each mark actually went out.
     */
    public Histogram latencyHistogram(boolean uncorrected) {
        ByteLatency latency = transfer.latency();
        if (latency == null) {
            return null;
        }
        return uncorrected ? latency.uncorrected() : latency.total();
    }

    /**
     * Waits for the end: the monitor guarantees one (stall timeout, memory guard, or the server closing). The samples
     * consumer gets the final state as its last sample, so that a timeline or a chart ends where the transfer did.
     */
    public SendSummary await() throws InterruptedException {
        Transfer.Result result;
        try {
            result = transfer.result().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            shutdown(); // the remaining event-loop tasks run: the reply handler closes its output there
            payload.close();
        }
        samples.accept(result.at());
        Long firstDifference = verifier.firstDifference() >= 0 ? verifier.firstDifference() : null;
        return SendSummary.of(config, transport.transport().label(), payload.size(), transfer, result, firstDifference);
    }

    /**
     * Its own group: shut down, its remaining tasks run. A shared one: the connection closed and its event loop past
     * every task queued until then.
     */
    private void shutdown() {
        if (ownsGroup) {
            group.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
        } else if (channel != null) {
            channel.close().awaitUninterruptibly(10, TimeUnit.SECONDS);
            channel.eventLoop().submit(() -> { }).awaitUninterruptibly(10, TimeUnit.SECONDS);
        }
    }
}
