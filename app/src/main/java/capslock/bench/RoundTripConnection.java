package capslock.bench;

import capslock.client.Outcome;
import capslock.common.Errors;
import capslock.common.Protocol;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DuplexChannel;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * One closed-loop connection of {@code bench --rtt}: writes the book's 16-byte message, waits for its 16 uppercase
 * bytes (checked), records the round trip in nanoseconds, and writes the next, until told to stop; then half-closes
 * and ends when the server closes. A reply that takes longer than the stall timeout ends it as stalled. Everything
 * but {@link #stop()} and the result runs on the connection's event loop.
 */
final class RoundTripConnection extends ChannelInboundHandlerAdapter {
    private static final byte[] MESSAGE = Protocol.message();
    private static final byte[] EXPECTED = Protocol.MESSAGE_TEXT.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);

    private final long stallNanos;
    private final Histogram histogram = LatencyHistograms.empty();
    private final CompletableFuture<Outcome> result = new CompletableFuture<>();
    private volatile boolean stopping;
    private volatile long roundTrips;
    private volatile String problem;
    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> watchdog;
    private long sentAt;
    private int received;

    RoundTripConnection(long stallNanos) {
        this.stallNanos = stallNanos;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        ctx.fireChannelActive();
    }

    /**
     * Starts the loop on {@code channel}'s event loop: the first message goes out. From any thread, once the connect
     * has succeeded: the task runs after the loop has fired channelActive, which followed the connect.
     */
    void begin(io.netty.channel.Channel channel) {
        channel.eventLoop().execute(() -> {
            watchdog = ctx.executor().scheduleAtFixedRate(this::checkStall, 100, 100, TimeUnit.MILLISECONDS);
            send();
        });
    }

    private void send() {
        received = 0;
        sentAt = System.nanoTime();
        ctx.writeAndFlush(Unpooled.wrappedBuffer(MESSAGE));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf reply = (ByteBuf) msg;
        try {
            while (reply.isReadable()) {
                byte b = reply.readByte();
                if (received >= EXPECTED.length || b != EXPECTED[received]) {
                    fail(Outcome.VERIFY_FAILED, "the reply is not the message uppercased: at byte " + received
                            + " of a round trip, expected '" + (char) EXPECTED[Math.min(received, EXPECTED.length - 1)]
                            + "', received 0x" + Integer.toHexString(b & 0xFF));
                    return;
                }
                received++;
            }
        } finally {
            reply.release();
        }
        if (received == EXPECTED.length) {
            histogram.recordValue(Math.max(1, System.nanoTime() - sentAt));
            roundTrips++;
            if (stopping) {
                received = 0;
                ((DuplexChannel) ctx.channel()).shutdownOutput();
            } else {
                send();
            }
        }
    }

    private void checkStall() {
        if (received < EXPECTED.length && !result.isDone() && System.nanoTime() - sentAt > stallNanos && !stopping) {
            fail(Outcome.STALLED, "stalled: no reply to a round trip for " + stallNanos / 1_000_000 + " ms");
        }
    }

    private void fail(Outcome outcome, String why) {
        problem = why;
        result.complete(outcome);
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (watchdog != null) {
            watchdog.cancel(false);
        }
        if (!result.isDone()) {
            if (stopping && received == 0) {
                result.complete(Outcome.COMPLETED);
            } else {
                problem = "the server closed the connection in the middle of a round trip";
                result.complete(Outcome.FAILED);
            }
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(Outcome.FAILED, "connection failed: " + Errors.describe(cause));
    }

    /** Ends after the round trip in flight; from any thread. */
    void stop() {
        stopping = true;
    }

    /** Forgets the round trips so far (a warm-up's); returns how many there were. */
    CompletableFuture<Long> reset() {
        CompletableFuture<Long> done = new CompletableFuture<>();
        ctx.executor().execute(() -> {
            histogram.reset();
            done.complete(roundTrips);
        });
        return done;
    }

    long roundTrips() {
        return roundTrips;
    }

    CompletableFuture<Outcome> result() {
        return result;
    }

    String problem() {
        return problem;
    }

    /** The round trips' times since the last reset; read once the connection has ended. */
    Histogram histogram() {
        return histogram;
    }
}
