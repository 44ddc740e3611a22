package capslock.client;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;

/**
 * Writes only while the channel is writable and resumes when it becomes writable again, so at most the high water
 * mark plus one write is ever queued.
 */
final class WatermarkWriter extends PayloadWriter {
    WatermarkWriter(Payload payload, Transfer transfer, Diagnosis diagnosis, SendConfig config, boolean loopSleepsPrecisely) {
        super(payload, transfer, diagnosis, config, loopSleepsPrecisely, 64 * 1024, 1024);
    }

    @Override
    protected boolean mayWrite(Channel channel) {
        return channel.isWritable();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            resume(ctx);
        }
        ctx.fireChannelWritabilityChanged();
    }
}
