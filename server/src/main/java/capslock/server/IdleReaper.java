package capslock.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@code --idle-timeout}: closes a connection on which no byte has moved in either direction for that long.
 * Output counts as moving while the outbound buffer drains, so a slow reader is not idle; a client that
 * deadlocked itself (it reads nothing and the server has stopped reading) is, and this frees the server.
 */
public final class IdleReaper extends IdleStateHandler {
    private final Duration timeout;

    public IdleReaper(Duration timeout) {
        super(true, 0, 0, timeout.toMillis(), TimeUnit.MILLISECONDS);
        this.timeout = timeout;
    }

    @Override
    protected void channelIdle(ChannelHandlerContext ctx, IdleStateEvent event) {
        if (event.state() == IdleState.ALL_IDLE) {
            ConnectionStatsHandler.recordReason(ctx.channel(), "reaped: no byte moved either way for "
                    + capslock.common.Durations.format(timeout) + " (--idle-timeout)");
            ctx.close();
        }
    }
}
