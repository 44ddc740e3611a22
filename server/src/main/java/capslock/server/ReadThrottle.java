package capslock.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DuplexChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's backpressure: reading off ({@code autoRead=false}) while the channel is unwritable (its outbound buffer
 * went above the high water mark), on again once it drains below the low mark. A client that does not read its
 * replies therefore stops the server reading its requests, and TCP pushes back on the client. Counts each pause on
 * the connection's {@link ConnectionStats}. Stateless: {@link #INSTANCE} serves every connection.
 */
@Sharable
final class ReadThrottle extends ChannelInboundHandlerAdapter {
    static final ReadThrottle INSTANCE = new ReadThrottle();
    private static final Logger log = LoggerFactory.getLogger(ReadThrottle.class);

    private ReadThrottle() {
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        boolean writable = ctx.channel().isWritable();
        if (!(writable && inputShutdown(ctx.channel()))) {
            ctx.channel().config().setAutoRead(writable); // turning autoRead on makes Netty issue a read() itself
        }
        ConnectionStats stats = ConnectionStats.of(ctx.channel());
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
     * After the client's half-close there is nothing left to read, and asking for a read is harmful with Netty's
     * epoll transport, which has by then removed the socket from its epoll set (docs/ARCHITECTURE.md, "Transports").
     */
    private static boolean inputShutdown(Channel channel) {
        return channel instanceof DuplexChannel duplex && duplex.isInputShutdown();
    }
}
