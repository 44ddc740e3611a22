package capslock.server;

import capslock.common.text.TextCharset;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;

/**
 * Uppercases each chunk and writes it back; flushes once per read batch, or as soon as the queue reaches
 * the high water mark. When the client half-closes, flushes everything still owed and then closes — the
 * book's protocol.
 */
public final class UpperCaseHandler extends ChannelInboundHandlerAdapter {
    private final TextCharset charset;

    public UpperCaseHandler(TextCharset charset) {
        this.charset = charset;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf upper = charset.upperCase((ByteBuf) msg, ctx.alloc());
        ctx.write(upper, ctx.voidPromise());
        if (!ctx.channel().isWritable()) {
            // A full queue goes out now, not at the end of the batch: if the socket takes it, the channel is
            // writable again and Netty reads on in the same loop turn (read, write, read, as the C reference
            // does) instead of pausing reading and coming back through the selector for every 64 KiB read.
            ctx.flush();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof ChannelInputShutdownEvent) {
            // The decoder has already handed on its last bytes; close only once they are all on the wire.
            ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ConnectionStatsHandler.recordReason(ctx.channel(), "error: " + describe(cause));
        ctx.close();
    }

    private static String describe(Throwable cause) {
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
