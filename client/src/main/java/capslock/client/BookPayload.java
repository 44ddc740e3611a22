package capslock.client;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/** The book's 16-byte message {@code capitalize this!} repeated, rounded up to whole messages as the book does. */
public final class BookPayload implements Payload {
    static final byte[] MESSAGE = "capitalize this!".getBytes(StandardCharsets.US_ASCII);
    /** Many messages back to back, so one copy fills a write of any size in a few steps. */
    private static final byte[] PATTERN = repeated(4096);

    private final long size;
    private long position;

    public BookPayload(long bytes) {
        this.size = roundUp(bytes);
    }

    public static long roundUp(long bytes) {
        return (bytes + MESSAGE.length - 1) / MESSAGE.length * MESSAGE.length;
    }

    private static byte[] repeated(int times) {
        byte[] pattern = new byte[MESSAGE.length * times];
        for (int i = 0; i < times; i++) {
            System.arraycopy(MESSAGE, 0, pattern, i * MESSAGE.length, MESSAGE.length);
        }
        return pattern;
    }

    /** Appends {@code n} payload bytes starting at stream offset {@code offset}. */
    public static void fill(ByteBuf dst, long offset, int n) {
        int start = (int) (offset % MESSAGE.length);
        while (n > 0) {
            int piece = Math.min(n, PATTERN.length - start);
            dst.writeBytes(PATTERN, start, piece);
            n -= piece;
            start = 0;
        }
    }

    @Override
    public ByteBuf next(ByteBufAllocator alloc, int max) {
        int n = (int) Math.min(max, size - position);
        if (n <= 0) {
            return null;
        }
        ByteBuf buf = alloc.buffer(n);
        fill(buf, position, n);
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
        return replay(() -> size, () -> true);
    }

    /**
     * The message again from offset 0, up to {@code produced} bytes: it waits (reads 0) for more while
     * {@code ended} is false, and ends (-1) once everything produced has been replayed and {@code ended}.
     */
    public static Replay replay(LongSupplier produced, BooleanSupplier ended) {
        return new Replay() {
            private long offset;

            @Override
            public int read(ByteBuf dst, int max) {
                int n = (int) Math.min(max, produced.getAsLong() - offset);
                if (n <= 0) {
                    return ended.getAsBoolean() ? -1 : 0;
                }
                fill(dst, offset, n);
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
