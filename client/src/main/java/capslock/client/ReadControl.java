package capslock.client;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.TimeUnit;

/**
 * Decides when the client reads (autoRead on or off): with {@code --reader after}, not before everything is sent
 * ({@link SendComplete}); with a read rate, no faster than that many bytes per second since the connection opened,
 * as a slow consumer would read. Reading is off until the channel is active. While the read rate holds reading off,
 * the reader is {@linkplain Transfer#isReaderIdle() idle by its own choice}.
 */
final class ReadControl extends ChannelInboundHandlerAdapter {
    private final Transfer transfer;
    private final boolean afterSending;
    /** Nanoseconds per byte the reader may take; 0: no limit. */
    private final double nanosPerByte;
    private boolean sendDone;
    private long start;
    private long read;
    private boolean recheckScheduled;

    ReadControl(SendConfig config, Transfer transfer) {
        this.transfer = transfer;
        this.afterSending = config.reader() == ReaderKind.AFTER;
        this.nanosPerByte = config.readRate() > 0 ? 1e9 / config.readRate() : 0;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        start = System.nanoTime();
        ctx.fireChannelActive();
        update(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf buf) {
            read += buf.readableBytes();
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.fireChannelReadComplete();
        if (nanosPerByte > 0) {
            update(ctx);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event == SendComplete.INSTANCE) {
            sendDone = true;
            update(ctx);
        }
        ctx.fireUserEventTriggered(event);
    }

    private void update(ChannelHandlerContext ctx) {
        boolean read = !afterSending || sendDone;
        boolean waitingForRate = false;
        if (read && nanosPerByte > 0) {
            long wait = start + (long) (this.read * nanosPerByte) - System.nanoTime();
            if (wait > 0) {
                read = false;
                waitingForRate = true;
                if (!recheckScheduled) {
                    recheckScheduled = true;
                    ctx.executor().schedule(() -> {
                        recheckScheduled = false;
                        update(ctx);
                    }, wait, TimeUnit.NANOSECONDS);
                }
            }
        }
        transfer.readerIdle(waitingForRate);
        if (ctx.channel().isActive() && ctx.channel().config().isAutoRead() != read) {
            ctx.channel().config().setAutoRead(read);
        }
    }
}
