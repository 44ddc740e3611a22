package capslock.server;

import capslock.common.Durations;
import capslock.common.Errors;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of every connection's pipeline, and the one place that closes a connection for a reason: the handlers
 * before it only report, with a {@link ConnectionEvent} or an exception. It records the typed {@link CloseReason}
 * (and a detail for the close line) on the connection's {@link ConnectionStats}, then closes. Events it does not know
 * end here. Stateless: one instance serves every connection.
 */
@Sharable
final class ConnectionCloser extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(ConnectionCloser.class);
    private final Duration idleTimeout;

    ConnectionCloser(Duration idleTimeout) {
        this.idleTimeout = idleTimeout;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof ConnectionEvent reported) {
            String detail = switch (reported) {
                case IDLE_TIMEOUT -> "no byte moved either way for " + Durations.format(idleTimeout) + " (--idle-timeout)";
                case DRAIN_TIMEOUT -> "still open at --drain-timeout";
            };
            close(ctx, reported.reason(), detail);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof PendingLimitExceededException limit) {
            log.warn("{}: closing: {}", ctx.channel().remoteAddress(), limit.getMessage());
            close(ctx, CloseReason.PENDING_LIMIT, limit.getMessage());
        } else {
            close(ctx, CloseReason.ERROR, Errors.describe(cause));
        }
    }

    private static void close(ChannelHandlerContext ctx, CloseReason reason, String detail) {
        ConnectionStats stats = ConnectionStats.of(ctx.channel());
        if (stats != null) {
            stats.closing(reason, detail);
        }
        ctx.close();
    }
}
