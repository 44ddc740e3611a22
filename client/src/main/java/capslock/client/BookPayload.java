package capslock.client;

import capslock.common.Protocol;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/** The book's 16-byte message {@code capitalize this!} repeated, rounded up to whole messages as the book does. */
public final class BookPayload implements Payload {
    static final byte[] MESSAGE = Protocol.message();

    private final long size;
    private final RepeatingText text = new RepeatingText(MESSAGE);
    private long position;
    private boolean closed;

    public BookPayload(long bytes) {
        this.size = roundUp(bytes);
    }

    public static long roundUp(long bytes) {
        return (bytes + MESSAGE.length - 1) / MESSAGE.length * MESSAGE.length;
    }

    /** The message over and over, for payloads of other lengths (bench's timed one); the caller releases it. */
    public static RepeatingText text() {
        return new RepeatingText(MESSAGE);
    }

    @Override
    public ByteBuf next(ByteBufAllocator alloc, int max) {
        int n = (int) Math.min(max, size - position);
        if (n <= 0) {
            return null;
        }
        ByteBuf buf = text.next(alloc, position, n);
        position += n;
        return buf;
    }

    @Override
    public boolean exhausted() {
        return position >= size;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public Replay replay() {
        return replay(text, () -> size, () -> true);
    }

    /**
     * {@code text} again from offset 0, up to {@code produced} bytes: it waits (reads 0) for more while
     * {@code ended} is false, and ends (-1) once everything produced has been replayed and {@code ended}.
     * Holds a reference to {@code text} until closed.
     */
    public static Replay replay(RepeatingText text, LongSupplier produced, BooleanSupplier ended) {
        text.retain();
        return new Replay() {
            private long offset;
            private boolean closed;

            @Override
            public int read(ByteBuf dst, int max) {
                int n = skip(max);
                if (n > 0) {
                    ByteBuf piece = text.next(dst.alloc(), offset - n, n);
                    dst.writeBytes(piece);
                    piece.release();
                }
                return n;
            }

            @Override
            public int skip(int max) {
                int n = (int) Math.min(max, produced.getAsLong() - offset);
                if (n <= 0) {
                    return ended.getAsBoolean() ? -1 : 0;
                }
                offset += n;
                return n;
            }

            @Override
            public RepeatingText repeating() {
                return text;
            }

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    text.release();
                }
            }
        };
    }

    /** Idempotent: both the client and its caller may close the payload. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            text.release();
        }
    }
}
