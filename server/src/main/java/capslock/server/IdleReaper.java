package capslock.server;

import capslock.common.Durations;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@code --idle-timeout}: closes a connection on which no byte has moved in either direction for that long.
 * Output counts as moving while the outbound buffer drains, so a slow reader is not idle; a client that
 * deadlocked itself (it reads nothing and the server has stopped reading) is, and this frees the server.
 *
 * <p>A timer compares the connection's counters every quarter of the timeout instead of watching each
 * read and write, as Netty's {@code IdleStateHandler} does: that one gives every write its own promise and
 * listener, which at 1 KiB chunks cost a third of the server's throughput. A connection is therefore
 * reaped between 1 and 1.25 timeouts after its last movement.
 */
public final class IdleReaper extends ChannelInboundHandlerAdapter {
    private final Duration timeout;
    private ScheduledFuture<?> check;
    private long lastIn = -1;
    private long lastOut = -1;
    private long lastPending = -1;
    private long lastMoved;

    public IdleReaper(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        lastMoved = System.nanoTime();
        long period = Math.max(1, timeout.toNanos() / 4);
        check = ctx.executor().scheduleAtFixedRate(() -> check(ctx), period, period, TimeUnit.NANOSECONDS);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        check.cancel(false);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        check.cancel(false);
        ctx.fireChannelInactive();
    }

    private void check(ChannelHandlerContext ctx) {
        ConnectionStats stats = ConnectionStatsHandler.stats(ctx.channel());
        ChannelOutboundBuffer outbound = ctx.channel().unsafe().outboundBuffer();
        long in = stats == null ? 0 : stats.bytesIn();
        long out = stats == null ? 0 : stats.bytesOut();
        long pending = outbound == null ? 0 : outbound.totalPendingWriteBytes();
        long now = System.nanoTime();
        if (in != lastIn || out != lastOut || pending != lastPending) {
            lastIn = in;
            lastOut = out;
            lastPending = pending;
            lastMoved = now;
        } else if (now - lastMoved >= timeout.toNanos()) {
            check.cancel(false);
            ConnectionStatsHandler.recordReason(ctx.channel(),
                    "reaped: no byte moved either way for " + Durations.format(timeout) + " (--idle-timeout)");
            ctx.close();
        }
    }
}
