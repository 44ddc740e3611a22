package capslock.bench;

import capslock.client.BookPayload;
import capslock.client.Payload;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * The book's message repeated until a deadline, for {@code --duration}. The replay (for verification)
 * covers exactly what was produced: it waits for more while sending goes on and ends where sending ended.
 */
final class TimedPayload implements Payload {
    private final long deadlineNanos;
    private volatile long produced;
    private volatile boolean ended;

    TimedPayload(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public ByteBuf next(ByteBufAllocator alloc, int max) {
        if (ended || System.nanoTime() - deadlineNanos >= 0) {
            ended = true;
            return null;
        }
        ByteBuf buf = alloc.buffer(max);
        BookPayload.fill(buf, produced, max);
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
        return new Replay() {
            private long offset;

            @Override
            public int read(ByteBuf dst, int max) {
                int n = (int) Math.min(max, produced - offset);
                if (n <= 0) {
                    return ended ? -1 : 0;
                }
                BookPayload.fill(dst, offset, n);
                offset += n;
                return n;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void close() {
    }
}
