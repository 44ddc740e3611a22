package capslock.server;

import capslock.common.text.TextCharset;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;

/**
 * Uppercases each run of chunks ({@link TextCharset#upperCase}) and writes it back. It flushes once per read batch,
 * or as soon as a write leaves the channel unwritable: then the full queue goes out at once and, when the socket
 * takes it, the channel is writable again before Netty's read loop asks whether to go on reading. When the client
 * half-closes ({@link ChannelInputShutdownEvent}, passed on by the decoder once it holds nothing), it flushes
 * everything still owed and closes the connection when that write completes: the book's protocol. Stateless: one
 * instance serves every connection.
 */
@Sharable
final class UpperCaseHandler extends ChannelInboundHandlerAdapter {
    private final TextCharset charset;

    UpperCaseHandler(TextCharset charset) {
        this.charset = charset;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf upper = charset.upperCase((ByteBuf) msg, ctx.alloc());
        ctx.write(upper, ctx.voidPromise());
        if (!ctx.channel().isWritable()) {
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
            ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
        ctx.fireUserEventTriggered(evt);
    }
}
