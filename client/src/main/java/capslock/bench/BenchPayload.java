package capslock.bench;

import capslock.client.BookPayload;
import capslock.client.Payload;
import capslock.client.RepeatingText;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.function.BooleanSupplier;

/**
 * The book's message repeated until a byte count ({@code --bytes}) or a deadline ({@code --duration}, set once
 * every connection of the row is open), or
 * until bench is interrupted, whichever comes first. The replay (for verification) covers exactly what was
 * produced: it waits for more while sending goes on and ends where sending ended.
 */
final class BenchPayload implements Payload {
    private final long limit;
    private final boolean timed;
    private volatile boolean hasDeadline;
    private volatile long deadlineNanos;
    private final BooleanSupplier stop;
    private final RepeatingText text = BookPayload.text();
    private volatile long produced;
    private volatile boolean ended;
    private boolean closed;

    private BenchPayload(long limit, boolean timed, BooleanSupplier stop) {
        this.limit = limit;
        this.timed = timed;
        this.stop = stop;
    }

    /** {@code bytes} rounded up to whole messages, as the book does. */
    static BenchPayload ofBytes(long bytes, BooleanSupplier stop) {
        return new BenchPayload(BookPayload.roundUp(bytes), false, stop);
    }

    /** Until the deadline {@link #endAt} sets (none until then). */
    static BenchPayload timed(BooleanSupplier stop) {
        return new BenchPayload(Long.MAX_VALUE, true, stop);
    }

    /** Ends a timed payload at {@code deadlineNanos} on {@link System#nanoTime()}'s clock. */
    void endAt(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
        hasDeadline = true;
    }

    @Override
    public ByteBuf next(ByteBufAllocator alloc, int max) {
        int n = (int) Math.min(max, limit - produced);
        if (ended || n <= 0 || (hasDeadline && System.nanoTime() - deadlineNanos >= 0) || stop.getAsBoolean()) {
            ended = true;
            return null;
        }
        ByteBuf buf = text.next(alloc, produced, n);
        produced += n;
        return buf;
    }

    @Override
    public boolean exhausted() {
        return ended || produced >= limit;
    }

    @Override
    public long size() {
        return timed ? -1 : limit;
    }

    @Override
    public Replay replay() {
        // Reads what has been produced so far; done once sending has ended and all of it was replayed.
        return BookPayload.replay(text, () -> produced, this::exhausted);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            text.release();
        }
    }
}
