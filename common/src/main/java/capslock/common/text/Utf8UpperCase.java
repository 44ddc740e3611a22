package capslock.common.text;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Uppercases UTF-8 text with {@link Locale#ROOT}, code point by code point (ROOT's uppercasing has no
 * context rules, so this equals uppercasing the whole string). Bytes that are not well-formed UTF-8
 * pass through unchanged. The length may change ({@code ß} becomes {@code SS}).
 */
public final class Utf8UpperCase {
    private Utf8UpperCase() {
    }

    /** Returns the uppercased chunk; pure ASCII is done in place and returns {@code chunk} itself. */
    public static ByteBuf apply(ByteBuf chunk, ByteBufAllocator alloc) {
        int start = chunk.readerIndex();
        int end = chunk.writerIndex();
        int firstNonAscii = AsciiUpperCase.firstNonAscii(chunk, start, end - start);
        if (firstNonAscii < 0) {
            AsciiUpperCase.upperCaseInPlace(chunk);
            return chunk;
        }
        ByteBuf out = alloc.buffer(end - start + 16);
        try {
            AsciiUpperCase.upperCaseInPlace(chunk, start, firstNonAscii - start);
            out.writeBytes(chunk, start, firstNonAscii - start);
            int i = firstNonAscii;
            while (i < end) {
                int length = Utf8.wellFormedLength(chunk, i, end);
                if (length == 1) {
                    out.writeByte(AsciiUpperCase.upperCase(chunk.getByte(i)));
                    i++;
                } else if (length == 0) {
                    out.writeByte(chunk.getByte(i));
                    i++;
                } else {
                    String text = chunk.toString(i, length, StandardCharsets.UTF_8);
                    out.writeCharSequence(text.toUpperCase(Locale.ROOT), StandardCharsets.UTF_8);
                    i += length;
                }
            }
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
        chunk.release();
        return out;
    }
}
