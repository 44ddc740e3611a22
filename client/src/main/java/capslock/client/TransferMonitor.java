package capslock.client;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches a transfer from its event loop: counts writability changes as they happen, and every
 * {@value #SAMPLE_MILLIS} ms takes a {@linkplain Transfer#sample() sample} for the timeline and any watcher, then
 * stops the transfer when the outbound buffer passes the memory guard, or as stalled, so that the client never hangs:
 *
 * <ul>
 * <li>when nothing has moved on the wire for the stall timeout. Time in which the writer is
 *     {@linkplain Transfer#isWriterIdle() idle by its own choice} (waiting for its input or for its next write to be
 *     due) with nothing queued, or the reader holds reading off to keep to its read rate, does not count;</li>
 * <li>or, for a client that reads while it writes in ASCII mode (where one byte answers one byte), when bytes written
 *     have waited the stall timeout for a reply and none came, while the connection still takes its writes (one went
 *     out in the last half of the timeout; if none did, the first rule is about to fire, with its own diagnosis): a
 *     paced writer's gaps, or a server that reads without answering, would otherwise keep the first rule from ever
 *     firing. Time in which the reader keeps to its read rate does not count either.</li>
 * </ul>
 */
final class TransferMonitor extends ChannelInboundHandlerAdapter {
    static final long SAMPLE_MILLIS = 50;

    private final Transfer transfer;
    private final Diagnosis diagnosis;
    private final long stallNanos;
    private final long maxPending;
    private final Consumer<Snapshot> samples;
    private ScheduledFuture<?> task;
    private final boolean watchesReplies;
    private long lastMoved = -1;
    private long lastProgressNanos;
    private long lastReceived = -1;
    private long lastReplyNanos;
    private long lastWritten = -1;
    private long lastWriteNanos;

    /** {@code watchesReplies}: the second rule applies (a concurrent reader, in ASCII mode). */
    TransferMonitor(Transfer transfer, Diagnosis diagnosis, Duration stallTimeout, long maxPending, boolean watchesReplies,
                    Consumer<Snapshot> samples) {
        this.transfer = transfer;
        this.watchesReplies = watchesReplies;
        this.diagnosis = diagnosis;
        this.stallNanos = stallTimeout.toNanos();
        this.maxPending = maxPending;
        this.samples = samples;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        transfer.connected();
        lastProgressNanos = System.nanoTime();
        lastReplyNanos = lastProgressNanos;
        lastWriteNanos = lastProgressNanos;
        task = ctx.executor().scheduleAtFixedRate(this::sample, SAMPLE_MILLIS, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        transfer.writabilityChanged(ctx.channel().isWritable());
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (task != null) {
            task.cancel(false);
        }
        ctx.fireChannelInactive();
    }

    private void sample() {
        if (transfer.finished()) {
            return;
        }
        transfer.sampleNettyQueued();
        Snapshot now = transfer.sample();
        samples.accept(now);
        long moved = now.written() + now.received();
        long nanos = System.nanoTime();
        // A writer waiting for its input or its schedule with nothing queued waits for no one: that is not a stall.
        // (With bytes queued, the socket is not taking them: the naive writer goes on producing into a full pipe.)
        // Nor is a reader keeping to its read rate: whatever waits, waits for it.
        if (moved != lastMoved || (transfer.isWriterIdle() && now.payloadQueued() == 0) || transfer.isReaderIdle()) {
            lastMoved = moved;
            lastProgressNanos = nanos;
        } else if (nanos - lastProgressNanos >= stallNanos) {
            transfer.finish(Outcome.STALLED, diagnosis::stall);
            return;
        }
        if (now.written() != lastWritten) {
            lastWritten = now.written();
            lastWriteNanos = nanos;
        }
        if (now.received() != lastReceived || now.received() >= now.written() || transfer.isReaderIdle()) {
            lastReceived = now.received();
            lastReplyNanos = nanos;
        } else if (watchesReplies && nanos - lastReplyNanos >= stallNanos && nanos - lastWriteNanos < stallNanos / 2) {
            // Writes still go out (the first rule would otherwise fire soon, with its own diagnosis), replies do not.
            Duration waited = Duration.ofNanos(nanos - lastReplyNanos);
            transfer.finish(Outcome.STALLED, s -> diagnosis.noReply(s, waited));
            return;
        }
        if (now.nettyQueued() > maxPending) {
            transfer.finish(Outcome.MEMORY_GUARD, diagnosis::memoryGuard);
        }
    }
}
