package capslock.server;

import capslock.common.net.Channels;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@code --idle-timeout}: reports a connection on which no byte has moved in either direction for that long, with a
 * {@link ConnectionEvent#IDLE_TIMEOUT} that {@link ConnectionCloser} acts on. Output counts as moving while the
 * outbound buffer drains, so a slow reader is not idle; a client that deadlocked itself (it reads nothing and the
 * server has stopped reading) is.
 *
 * <p>A timer compares the connection's counters every quarter of the timeout, instead of watching each read and
 * write as Netty's {@code IdleStateHandler} does (with a promise and a listener per write): nothing per byte or per
 * write, at the price of precision. The event fires between 1 and 1.25 timeouts after the last movement.
 */
final class IdleReaper extends ChannelInboundHandlerAdapter {
    private final Duration timeout;
    private ScheduledFuture<?> check;
    private long lastIn = -1;
    private long lastOut = -1;
    private long lastPending = -1;
    private long lastMoved;

    IdleReaper(Duration timeout) {
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
        ConnectionStats stats = ConnectionStats.of(ctx.channel());
        long in = stats == null ? 0 : stats.bytesIn();
        long out = stats == null ? 0 : stats.bytesOut();
        long pending = Channels.pendingOutboundBytes(ctx.channel());
        long now = System.nanoTime();
        if (in != lastIn || out != lastOut || pending != lastPending) {
            lastIn = in;
            lastOut = out;
            lastPending = pending;
            lastMoved = now;
        } else if (now - lastMoved >= timeout.toNanos()) {
            check.cancel(false);
            ctx.fireUserEventTriggered(ConnectionEvent.IDLE_TIMEOUT);
        }
    }
}
