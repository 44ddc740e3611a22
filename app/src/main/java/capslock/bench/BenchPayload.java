package capslock.bench;

import capslock.client.BookPayload;
import capslock.client.Payload;
import capslock.client.RepeatingText;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.function.BooleanSupplier;

/**
 * The book's message repeated until a byte count ({@code --bytes}, counted from the end of the warm-up) or a
 * deadline ({@code --duration}, set once every connection of the row is open), or until bench is interrupted,
 * whichever comes first. The replay (for verification) covers exactly what was produced: it waits for more while
 * sending goes on and ends where sending ended.
 */
final class BenchPayload implements Payload {
    private final BooleanSupplier stop;
    private final RepeatingText text = BookPayload.text();
    private volatile long limit = Long.MAX_VALUE;
    private volatile boolean hasDeadline;
    private volatile long deadlineNanos;
    private volatile long produced;
    private volatile boolean ended;
    private boolean closed;

    /** Unbounded until {@link #limitTo} or {@link #endAt}; ends as soon as {@code stop} turns true. */
    BenchPayload(BooleanSupplier stop) {
        this.stop = stop;
    }

    /** Ends once {@code total} bytes have been produced in all (at once if they already have). */
    void limitTo(long total) {
        limit = total;
    }

    /** Ends at {@code deadlineNanos} on {@link System#nanoTime()}'s clock. */
    void endAt(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
        hasDeadline = true;
    }

    @Override
    public ByteBuf next(ByteBufAllocator alloc, int max) {
        int n = (int) Math.min(max, limit - produced);
        if (n <= 0 || exhausted()) {
            return null;
        }
        ByteBuf buf = text.next(alloc, produced, n);
        produced += n;
        return buf;
    }

    /** True from the moment the limit is produced, the deadline passes or bench is interrupted: then it stays true. */
    @Override
    public boolean exhausted() {
        if (!ended && (produced >= limit || (hasDeadline && System.nanoTime() - deadlineNanos >= 0) || stop.getAsBoolean())) {
            ended = true;
        }
        return ended;
    }

    @Override
    public long size() {
        long bytes = limit;
        return bytes == Long.MAX_VALUE ? -1 : bytes;
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
