package capslock.server;

import capslock.common.Sizes;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection whose outbound buffer passes {@code --max-pending}: the last line of defence
 * when backpressure is off, so one client can never take the whole process's memory.
 */
public final class PendingLimitHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(PendingLimitHandler.class);
    private final long maxPending;

    public PendingLimitHandler(long maxPending) {
        this.maxPending = maxPending;
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        // Runs before the flush further down the pipeline: the queue is at its fullest here.
        ChannelOutboundBuffer buffer = ctx.channel().unsafe().outboundBuffer();
        long queued = buffer == null ? 0 : buffer.totalPendingWriteBytes();
        if (queued > maxPending) {
            String reason = "outbound buffer " + Sizes.format(queued) + " passed --max-pending "
                    + Sizes.format(maxPending) + " (client is not reading its replies)";
            log.warn("{}: closing: {}", ctx.channel().remoteAddress(), reason);
            ConnectionStatsHandler.recordReason(ctx.channel(), reason);
            ctx.close();
            return;
        }
        ctx.fireChannelReadComplete();
    }
}
