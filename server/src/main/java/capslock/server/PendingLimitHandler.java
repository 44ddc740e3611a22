package capslock.server;

import capslock.common.net.Channels;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * {@code --max-pending}: the last line of defence when backpressure is off, so that one client can never take the
 * whole process's memory. At the end of each read batch, before the flush further down the pipeline (where the
 * queue is at its fullest), a connection whose outbound buffer holds more than the limit is reported with a
 * {@link PendingLimitExceededException}, and the batch goes no further; {@link ConnectionCloser} closes it.
 * Stateless: one instance serves every connection.
 */
@Sharable
final class PendingLimitHandler extends ChannelInboundHandlerAdapter {
    private final long maxPending;

    PendingLimitHandler(long maxPending) {
        this.maxPending = maxPending;
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        long queued = Channels.pendingOutboundBytes(ctx.channel());
        if (queued > maxPending) {
            ctx.fireExceptionCaught(new PendingLimitExceededException(queued, maxPending));
            return;
        }
        ctx.fireChannelReadComplete();
    }
}
