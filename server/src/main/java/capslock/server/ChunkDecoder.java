package capslock.server;

import capslock.common.text.TextCharset;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Cuts the byte stream into chunks of {@code chunkSize} bytes, as the book's server reads 1,024 at a time, and hands
 * on as many whole chunks at once as the channel can take before it turns unwritable, as one retained slice of what
 * was read (no byte is copied). For example, with a chunk size of 4, a channel that has room for 6 more bytes before
 * its high water mark, and 14 bytes received:
 *
 * <pre>
 * received:  +---------------------------------------+
 *            | a b c d | e f g h | i j k l | m n     |
 *            +---------------------------------------+
 * handed on: +-------------------+
 *            | a b c d e f g h   |   two whole chunks: the second is the one that crosses the mark
 *            +-------------------+
 * held:                          +-------------------+
 *                                | i j k l m n       |   until the channel is writable again
 *                                +-------------------+
 * </pre>
 *
 * So the outbound queue never holds more than the high water mark plus one chunk (plus Netty's per-write overhead),
 * as when chunks are handed on one at a time, whatever the client sends and however little it reads.
 *
 * <p>With backpressure on ({@code waitForWritability}) it hands on nothing while the channel is unwritable: bytes
 * already read wait here until it drains, and the end of input ({@link ChannelInputShutdownEvent}) is passed on only
 * once everything before it has been. (Turning autoRead off is not enough on its own: a transport may keep reading,
 * as Netty's epoll transport does after the peer half-closes.) Without backpressure it hands on everything it reads.
 *
 * <p>In UTF-8 mode a run never ends inside a character ({@link TextCharset#safeEnd}); an unfinished character waits
 * for the next read, and at the end of input whatever is left goes out as it is.
 */
public final class ChunkDecoder extends ByteToMessageDecoder {
    private final int chunkSize;
    private final TextCharset charset;
    private final boolean waitForWritability;
    private boolean inputShutdownHeld;
    private boolean drainScheduled;

    public ChunkDecoder(int chunkSize, TextCharset charset, boolean waitForWritability) {
        this.chunkSize = chunkSize;
        this.charset = charset;
        this.waitForWritability = waitForWritability;
    }

    private boolean paused(ChannelHandlerContext ctx) {
        return waitForWritability && !ctx.channel().isWritable();
    }

    /**
     * One run per call: the decoder loop passes it on before calling again, so writability is re-checked
     * after every run, exactly where it would have been after that run's last chunk.
     */
    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (!in.isReadable() || paused(ctx)) {
            return;
        }
        int start = in.readerIndex();
        int end = charset.safeEnd(in, start, start + (int) Math.min(allowance(ctx), in.readableBytes()));
        if (end == start) {
            return; // only the start of a character is here; the rest is still on its way
        }
        out.add(in.readRetainedSlice(end - start));
    }

    /**
     * Whole chunks until the channel would turn unwritable (the last one crosses the high mark, as the
     * chunk that crossed it did one at a time); without backpressure, everything read.
     */
    private long allowance(ChannelHandlerContext ctx) {
        if (!waitForWritability) {
            return Long.MAX_VALUE;
        }
        long room = Math.max(1, ctx.channel().bytesBeforeUnwritable());
        return (room + chunkSize - 1) / chunkSize * chunkSize;
    }

    /** At end of input whatever is left goes out as it is: an unfinished character is not text. */
    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (in.isReadable()) {
            out.add(in.readRetainedSlice(in.readableBytes()));
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof ChannelInputShutdownEvent && waitForWritability) {
            inputShutdownHeld = true; // passed on once the bytes before it have gone out
            scheduleDrain(ctx);
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        ctx.fireChannelWritabilityChanged();
        if (ctx.channel().isWritable() && (holdsBytes() || inputShutdownHeld)) {
            scheduleDrain(ctx);
        }
    }

    /**
     * Drains on a later turn of the event loop, never from inside the event that asked: writability
     * changes fire in the middle of a flush, and decoding there would re-enter the decoder.
     */
    private void scheduleDrain(ChannelHandlerContext ctx) {
        if (drainScheduled) {
            return;
        }
        drainScheduled = true;
        ctx.executor().execute(() -> {
            drainScheduled = false;
            if (ctx.isRemoved() || !ctx.channel().isOpen()) {
                return;
            }
            try {
                drain(ctx);
            } catch (Exception e) {
                ctx.fireExceptionCaught(e);
            }
        });
    }

    /** Hands on what is held, as a read would, until the channel turns unwritable; then the end of input, if due. */
    private void drain(ChannelHandlerContext ctx) throws Exception {
        if (holdsBytes() && !paused(ctx)) {
            channelRead(ctx, Unpooled.EMPTY_BUFFER);
            // Not this decoder's channelReadComplete: it may ask for a read, and there may be none to make.
            ctx.fireChannelReadComplete(); // the uppercase handler flushes on read complete
        }
        if (inputShutdownHeld && !paused(ctx)) {
            inputShutdownHeld = false;
            super.userEventTriggered(ctx, ChannelInputShutdownEvent.INSTANCE);
        }
    }

    private boolean holdsBytes() {
        ByteBuf held = internalBuffer();
        return held != null && held.isReadable();
    }
}
