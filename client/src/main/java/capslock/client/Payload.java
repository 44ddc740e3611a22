package capslock.client;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.io.Closeable;

/** What the client sends, produced a write at a time on the event loop. */
public interface Payload extends Closeable {

    /**
     * The next piece, at most {@code max} bytes; {@code null} when nothing is available right now (input
     * not read yet) or the payload is exhausted — {@link #exhausted()} tells which.
     */
    ByteBuf next(ByteBufAllocator alloc, int max);

    /** Whether no byte will come after those produced so far; once true, it stays true (it may turn so between writes). */
    boolean exhausted();

    /** Total size in bytes, or -1 when unknown until the end (a stream). */
    long size();

    /** The same bytes again, from the start, for verifying the reply without keeping a copy of the payload. */
    Replay replay();

    @Override
    void close();

    /** A second, synchronous reading of the payload's bytes. */
    interface Replay extends Closeable {
        /** Up to {@code max} bytes appended to {@code dst}; -1 at the end. */
        int read(ByteBuf dst, int max);

        /** As {@link #read}, but the bytes are only counted, not produced. */
        default int skip(int max) {
            ByteBuf scratch = Unpooled.buffer(max);
            try {
                return read(scratch, max);
            } finally {
                scratch.release();
            }
        }

        /**
         * The text this replay repeats, when it is one ASCII unit over and over: the reply is then compared
         * with its uppercase in place, without replaying a byte. Null for any other payload.
         */
        default RepeatingText repeating() {
            return null;
        }

        @Override
        void close();
    }
}
