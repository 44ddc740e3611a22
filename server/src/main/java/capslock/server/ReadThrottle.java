package capslock.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DuplexChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's backpressure: reading off ({@code autoRead=false}) while the channel stays unwritable (its outbound
 * buffer went above the high water mark and the socket did not take it), on again once it drains below the low mark.
 * A client that does not read its replies therefore stops the server reading its requests, and TCP pushes back on the
 * client. Counts each pause on the connection's {@link ConnectionStats}.
 *
 * <p>It sits after the {@link ChunkDecoder} and judges writability once each run of chunks has been handled, not at
 * each crossing of the mark inside it: a run that crosses the high mark is flushed at once ({@link UpperCaseHandler}),
 * and when the socket takes it the channel is writable again before the run returns, so reading goes on untouched.
 *
 * <pre>
 * run: write (unwritable) → flush → socket takes it (writable) → run handled: writable, reading goes on
 * run: write (unwritable) → flush → socket full                → run handled: unwritable, reading paused
 *      ... the client reads, the queue drains below the low mark (writable): reading resumed
 * </pre>
 *
 * Every reply is written by a run (a read's or the decoder's drain of what it held), so no unwritable channel goes
 * unnoticed. Stateless: {@link #INSTANCE} serves every connection.
 */
@Sharable
final class ReadThrottle extends ChannelInboundHandlerAdapter {
    static final ReadThrottle INSTANCE = new ReadThrottle();
    private static final Logger log = LoggerFactory.getLogger(ReadThrottle.class);

    private ReadThrottle() {
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ctx.fireChannelRead(msg);
        Channel channel = ctx.channel();
        if (!channel.isWritable() && channel.config().isAutoRead()) {
            channel.config().setAutoRead(false);
            ConnectionStats stats = ConnectionStats.of(channel);
            if (stats != null) {
                stats.readPaused();
            }
            log.debug("{} unwritable: reading paused", channel.remoteAddress());
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        Channel channel = ctx.channel();
        if (channel.isWritable() && !channel.config().isAutoRead()) {
            if (!inputShutdown(channel)) {
                channel.config().setAutoRead(true); // turning autoRead on makes Netty issue a read() itself
            }
            ConnectionStats stats = ConnectionStats.of(channel);
            if (stats != null) {
                stats.readResumed();
            }
            log.debug("{} writable: reading resumed", channel.remoteAddress());
        }
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
