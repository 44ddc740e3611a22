package capslock.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DuplexChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's backpressure: stop reading while the channel is unwritable (its outbound buffer is above
 * the high water mark), resume once it drains below the low mark. A client that does not read its
 * replies therefore stops the server reading its requests, and TCP pushes back on the client.
 */
public final class ReadThrottle extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(ReadThrottle.class);

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        boolean writable = ctx.channel().isWritable();
        if (!(writable && inputShutdown(ctx.channel()))) {
            // Turning autoRead back on makes Netty issue a read() itself.
            ctx.channel().config().setAutoRead(writable);
        }
        ConnectionStats stats = ConnectionStatsHandler.stats(ctx.channel());
        if (stats != null) {
            if (writable) {
                stats.readResumed();
            } else {
                stats.readPaused();
            }
        }
        log.debug("{} {}", ctx.channel().remoteAddress(), writable ? "writable: reading resumed" : "unwritable: reading paused");
        ctx.fireChannelWritabilityChanged();
    }

    /**
     * After the client's half-close there is nothing left to read, and asking for a read is harmful:
     * Netty 4.2's epoll transport has already dropped the socket from its epoll set, so the read fails
     * (epoll_ctl ENOENT) and Netty closes the channel with replies still queued.
     */
    private static boolean inputShutdown(Channel channel) {
        return channel instanceof DuplexChannel duplex && duplex.isInputShutdown();
    }
}
