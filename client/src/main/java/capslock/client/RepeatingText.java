package capslock.client;

import capslock.common.text.AsciiUpperCase;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.util.AbstractReferenceCounted;
import io.netty.util.ReferenceCounted;

/**
 * A payload that is one short ASCII unit over and over (the book's message), held once as a span of
 * text and a span of its uppercase. Writes are slices of the text (filled once, never copied again) and
 * the reply is compared with the uppercase at the same phase, so neither sending nor verifying copies
 * or transforms a byte per write. Reference-counted: the payload and its replay each hold it.
 */
public final class RepeatingText extends AbstractReferenceCounted {
    /** Writes up to this size are slices; larger ones are copied from it. */
    static final int SPAN = 64 * 1024;

    private final int unit;
    private final ByteBuf text;
    private final ByteBuf upper;

    RepeatingText(byte[] unit) {
        this.unit = unit.length;
        int repeats = (SPAN + unit.length - 1) / unit.length + 1; // any phase, then SPAN bytes
        text = Unpooled.directBuffer(repeats * unit.length);
        for (int i = 0; i < repeats; i++) {
            text.writeBytes(unit);
        }
        upper = Unpooled.directBuffer(text.readableBytes()).writeBytes(text, 0, text.readableBytes());
        AsciiUpperCase.upperCaseInPlace(upper);
    }

    /** {@code n} bytes of the text from stream {@code offset}: a retained slice up to {@link #SPAN}, else a copy. */
    public ByteBuf next(ByteBufAllocator alloc, long offset, int n) {
        int phase = phase(offset);
        if (n <= SPAN) {
            return text.retainedSlice(phase, n);
        }
        ByteBuf buf = alloc.buffer(n);
        while (n > 0) {
            int piece = Math.min(n, SPAN);
            buf.writeBytes(text, phase, piece);
            phase = (phase + piece) % unit;
            n -= piece;
        }
        return buf;
    }

    /** Index (from 0) of the first of {@code reply}'s {@code n} bytes from {@code index} that is not the uppercase text at stream {@code offset}, or -1. */
    int mismatch(ByteBuf reply, int index, int n, long offset) {
        int done = 0;
        while (done < n) {
            int piece = Math.min(n - done, SPAN);
            int phase = phase(offset + done);
            // Through NIO views: one leak-tracker record per call, not one per 8 bytes (paranoid tests).
            int i = upper.nioBuffer(phase, piece).mismatch(reply.nioBuffer(index + done, piece));
            if (i >= 0) {
                return done + i;
            }
            done += piece;
        }
        return -1;
    }

    /** The uppercase byte at stream {@code offset}. */
    byte upperAt(long offset) {
        return upper.getByte(phase(offset));
    }

    private int phase(long offset) {
        return (int) (offset % unit);
    }

    @Override
    public ReferenceCounted touch(Object hint) {
        text.touch(hint);
        upper.touch(hint);
        return this;
    }

    @Override
    protected void deallocate() {
        text.release();
        upper.release();
    }
}
