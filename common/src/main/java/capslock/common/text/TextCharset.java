package capslock.common.text;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.Locale;

/** How bytes are uppercased: byte-exact ASCII like the book, or UTF-8 aware. */
public enum TextCharset {
    ASCII {
        @Override
        public ByteBuf upperCase(ByteBuf chunk, ByteBufAllocator alloc) {
            AsciiUpperCase.upperCaseInPlace(chunk);
            return chunk;
        }

        @Override
        public int safeEnd(ByteBuf buf, int start, int end) {
            return end;
        }
    },
    UTF_8 {
        @Override
        public ByteBuf upperCase(ByteBuf chunk, ByteBufAllocator alloc) {
            return Utf8UpperCase.apply(chunk, alloc);
        }

        @Override
        public int safeEnd(ByteBuf buf, int start, int end) {
            return Utf8.safeEnd(buf, start, end);
        }
    };

    /** Takes ownership of {@code chunk}; returns the buffer holding the result (maybe the same one). */
    public abstract ByteBuf upperCase(ByteBuf chunk, ByteBufAllocator alloc);

    /** Where a chunk of [start, end) may end without splitting a character. */
    public abstract int safeEnd(ByteBuf buf, int start, int end);

    public static TextCharset parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "ascii", "us-ascii" -> ASCII;
            case "utf-8", "utf8" -> UTF_8;
            default -> throw new IllegalArgumentException("'" + text + "' is not a charset (ascii, utf-8)");
        };
    }

    public String label() {
        return this == ASCII ? "ascii" : "utf-8";
    }
}
