package capslock.bench;

import capslock.client.BookPayload;
import capslock.client.Payload;
import capslock.client.RepeatingText;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * The book's message repeated until a deadline, for {@code --duration}. The replay (for verification)
 * covers exactly what was produced: it waits for more while sending goes on and ends where sending ended.
 */
final class TimedPayload implements Payload {
    private final long deadlineNanos;
    private final RepeatingText text = BookPayload.text();
    private volatile long produced;
    private volatile boolean ended;
    private boolean closed;

    TimedPayload(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public ByteBuf next(ByteBufAllocator alloc, int max) {
        if (ended || System.nanoTime() - deadlineNanos >= 0) {
            ended = true;
            return null;
        }
        ByteBuf buf = text.next(alloc, produced, max);
        produced += max;
        return buf;
    }

    @Override
    public boolean exhausted() {
        return ended;
    }

    @Override
    public long size() {
        return -1;
    }

    @Override
    public Replay replay() {
        // Reads what has been produced so far; done once sending has ended and all of it was replayed.
        return BookPayload.replay(text, () -> produced, () -> ended);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            text.release();
        }
    }
}
