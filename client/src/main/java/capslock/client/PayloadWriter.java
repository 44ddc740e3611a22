package capslock.client;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DuplexChannel;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * Writes the payload from the event loop in batches, then half-closes. Subclasses decide only whether another write
 * may go out now. The bytes written to the socket are counted as write promises complete; every write that passes a
 * {@linkplain ByteLatency latency mark} records when it was handed over.
 *
 * <p>With a send rate, writes keep to a schedule (open loop, as wrk2 sends): the write that starts at stream offset
 * {@code k} is due {@code k / rate} seconds after the start. A writer ahead of its schedule waits for it; one behind
 * (the channel was unwritable, the server stalled) writes as fast as it may until it has caught up, and each of its
 * marks carries the time it was due, so the delay counts against every byte it held up.
 */
abstract class PayloadWriter extends ChannelInboundHandlerAdapter {
    /**
     * The longest a writer waits for its schedule before it looks again: a payload can end meanwhile (bench's row
     * deadline, an interrupt), and a slow schedule may have its next write hours away.
     */
    static final long MAX_SCHEDULE_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(TransferMonitor.SAMPLE_MILLIS);

    private final Payload payload;
    private final Transfer transfer;
    private final Diagnosis diagnosis;
    private final int writeSize;
    private final long maxPending;
    /** Nanoseconds per byte on the schedule; 0 without a send rate. */
    private final double nanosPerByte;
    /** Yield to the event loop after this many bytes or writes, so reads, the stall detector and sampling keep running. */
    private final int batchBytes;
    private final int batchWrites;
    /** Sizes of writes not yet in the socket; promises complete in write order. */
    private final ArrayDeque<Integer> unwritten = new ArrayDeque<>();
    private final ChannelFutureListener onWritten;
    /** The event loop can sleep until a write is due on its own (epoll, io_uring): no {@link Pacer} needed. */
    private final boolean loopSleepsPrecisely;
    private boolean sending = true;
    private boolean pending;
    private long scheduleStart;

    PayloadWriter(Payload payload, Transfer transfer, Diagnosis diagnosis, SendConfig config, boolean loopSleepsPrecisely,
                  int batchBytes, int batchWrites) {
        this.payload = payload;
        this.transfer = transfer;
        this.diagnosis = diagnosis;
        this.writeSize = config.writeSize();
        this.maxPending = config.maxPending();
        this.nanosPerByte = config.sendRate() > 0 ? 1e9 / config.sendRate() : 0;
        this.batchBytes = batchBytes;
        this.batchWrites = batchWrites;
        this.loopSleepsPrecisely = loopSleepsPrecisely;
        this.onWritten = future -> {
            int n = unwritten.poll();
            if (future.isSuccess()) {
                transfer.written(n);
            }
        };
    }

    /** Whether another write may go out now. */
    protected abstract boolean mayWrite(Channel channel);

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        scheduleStart = System.nanoTime();
        ctx.fireChannelActive();
        writeSome(ctx);
    }

    /** When the write starting at stream offset {@code offset} is due: now, without a send rate. */
    private long due(long offset, long now) {
        return nanosPerByte == 0 ? now : scheduleStart + (long) (offset * nanosPerByte);
    }

    /** Writes one batch (or less, if {@link #mayWrite} or the schedule says stop), flushes, and schedules the next. */
    protected final void writeSome(ChannelHandlerContext ctx) {
        pending = false;
        if (!sending || transfer.finished()) {
            return;
        }
        transfer.writerIdle(false);
        ByteLatency latency = transfer.latency();
        long now = System.nanoTime();
        try {
            int budget = batchBytes;
            for (int writes = 0; budget > 0 && writes < batchWrites && mayWrite(ctx.channel()); writes++) {
                long start = transfer.produced();
                long due = due(start, now);
                if (due - now > 0 && due - (now = System.nanoTime()) > 0) {
                    flush(ctx);
                    if (payload.exhausted()) { // it ended (a deadline, an interrupt) while this write was not due
                        finishSending(ctx);
                        return;
                    }
                    transfer.writerIdle(true);
                    later(ctx, Math.min(due - now, MAX_SCHEDULE_WAIT_NANOS));
                    return;
                }
                ByteBuf buf = payload.next(ctx.alloc(), writeSize);
                if (buf == null) {
                    flush(ctx);
                    if (payload.exhausted()) {
                        finishSending(ctx);
                    } else {
                        waitForInput(ctx);
                    }
                    return;
                }
                int n = buf.readableBytes();
                unwritten.add(n);
                transfer.produced(n);
                ctx.write(buf).addListener(onWritten);
                if (latency != null && start + n >= latency.nextMark()) {
                    now = System.nanoTime();
                    latency.sent(start + n, nanosPerByte == 0 ? now : due, now);
                }
                budget -= n;
            }
            flush(ctx);
        } catch (UncheckedIOException e) {
            transfer.finish(Outcome.FAILED, snapshot -> e.getMessage());
            return;
        }
        if (transfer.nettyQueued() > maxPending) {
            transfer.finish(Outcome.MEMORY_GUARD, diagnosis::memoryGuard);
        } else if (mayWrite(ctx.channel())) {
            resume(ctx);
        }
    }

    private void flush(ChannelHandlerContext ctx) {
        transfer.sampleNettyQueued(); // the peak is now, before the flush hands bytes to the socket
        ctx.flush();
    }

    /**
     * Continues writing on the next turn of the event loop (unless already scheduled). A scheduled task, not
     * {@code execute}: Netty 4.2 runs queued tasks for up to a second before it polls I/O again, and a writer that
     * re-queues itself would keep reads, sampling and the stall detector waiting that long; scheduled tasks are
     * picked up once per turn, after the I/O.
     */
    protected final void resume(ChannelHandlerContext ctx) {
        later(ctx, 0);
    }

    /**
     * Writes again in {@code nanos}: on the loop's next turn, or when the schedule says. On NIO the {@link Pacer}
     * wakes the loop when the write is due, so that it blocks in its selector meanwhile instead of spinning; epoll and
     * io_uring loops sleep until then on their own.
     */
    private void later(ChannelHandlerContext ctx, long nanos) {
        if (!pending && sending) {
            pending = true;
            Runnable next = () -> writeSome(ctx);
            if (nanos > 0 && !loopSleepsPrecisely) {
                Pacer.runLater(ctx.executor(), next, nanos);
            } else {
                ctx.executor().schedule(next, Math.max(0, nanos), TimeUnit.NANOSECONDS);
            }
        }
    }

    private void waitForInput(ChannelHandlerContext ctx) {
        transfer.writerIdle(true);
        pending = true;
        ctx.executor().schedule(() -> writeSome(ctx), 1, TimeUnit.MILLISECONDS);
    }

    /** Once the last byte is in the socket: half-close, as the protocol says, and tell the reader. */
    private void finishSending(ChannelHandlerContext ctx) {
        sending = false;
        ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener((ChannelFutureListener) future -> {
            if (future.isSuccess() && !transfer.finished()) {
                ((DuplexChannel) future.channel()).shutdownOutput().addListener(shutdown -> {
                    transfer.sendDone();
                    ctx.fireUserEventTriggered(SendComplete.INSTANCE);
                });
            }
        });
    }
}
