package capslock.server;

import capslock.common.Sizes;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelPromise;
import io.netty.util.AttributeKey;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Counts a connection's bytes and queue, registers it with {@link ServerStats}, logs a line when it closes. */
public final class ConnectionStatsHandler extends ChannelDuplexHandler {
    private static final Logger log = LoggerFactory.getLogger("capslock.server.connection");
    private static final AttributeKey<ConnectionStats> STATS = AttributeKey.valueOf(ConnectionStats.class, "stats");

    private final ServerStats serverStats;
    private ConnectionStats stats;
    /** Written but not yet counted: counted once per flush, not per 1 KiB chunk (the totals are shared, contended counters). */
    private long unflushedOut;

    public ConnectionStatsHandler(ServerStats serverStats) {
        this.serverStats = serverStats;
    }

    static ConnectionStats stats(Channel channel) {
        return channel.attr(STATS).get();
    }

    static void recordReason(Channel channel, String reason) {
        ConnectionStats stats = stats(channel);
        if (stats != null) {
            stats.reason(reason);
        }
    }

    /** Accepted channels are connected before their pipeline is built, so the peer is known here. */
    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        stats = new ConnectionStats(ctx.channel().remoteAddress(), serverStats);
        ctx.channel().attr(STATS).set(stats);
        serverStats.opened(stats);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf buf) {
            stats.addIn(buf.readableBytes());
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        // Before the flush downstream: the queue is at its fullest here.
        ChannelOutboundBuffer buffer = ctx.channel().unsafe().outboundBuffer();
        if (buffer != null) {
            stats.queued(buffer.totalPendingWriteBytes());
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf buf) {
            unflushedOut += buf.readableBytes();
        }
        ctx.write(msg, promise);
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        countOut();
        ctx.flush();
    }

    private void countOut() {
        if (unflushedOut > 0) {
            stats.addOut(unflushedOut);
            unflushedOut = 0;
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        countOut();
        stats.closed("done");
        serverStats.closed(stats);
        log.info(String.format(Locale.ROOT, "%s closed after %.2fs: in %s, out %s, reading paused %d times, peak queued %s (%s)",
                stats.peer(), stats.seconds(), Sizes.grouped(stats.bytesIn()), Sizes.grouped(stats.bytesOut()),
                stats.readPauses(), Sizes.format(stats.peakQueued()), stats.closeReason()));
        ctx.fireChannelInactive();
    }
}
