package capslock.server;

import capslock.common.Sizes;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First in the pipeline: creates the connection's {@link ConnectionStats}, registers it with {@link ServerStats},
 * counts bytes in (per read) and out (per flush: the totals are shared, contended counters), samples the queue's
 * peak before each batch's flush, and logs one line when the connection closes.
 */
final class ConnectionStatsHandler extends ChannelDuplexHandler {
    private static final Logger log = LoggerFactory.getLogger("capslock.server.connection");

    private final ServerStats serverStats;
    private ConnectionStats stats;
    private long unflushedOut;

    ConnectionStatsHandler(ServerStats serverStats) {
        this.serverStats = serverStats;
    }

    /** Accepted channels are connected before their pipeline is built, so the peer is known here. */
    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        stats = new ConnectionStats(ctx.channel(), serverStats);
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
        stats.sampleQueue(); // before the flush downstream: the queue is at its fullest here
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
        stats.closed();
        serverStats.closed(stats);
        log.info(String.format(Locale.ROOT, "%s closed after %.2fs: in %s, out %s, reading paused %d %s, peak queued %s (%s)",
                stats.peer(), stats.seconds(), Sizes.grouped(stats.bytesIn()), Sizes.grouped(stats.bytesOut()),
                stats.readPauses(), stats.readPauses() == 1 ? "time" : "times", Sizes.format(stats.peakQueued()),
                stats.closeDescription()));
        ctx.fireChannelInactive();
    }
}
