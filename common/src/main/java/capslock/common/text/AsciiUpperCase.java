package capslock.common.text;

import io.netty.buffer.ByteBuf;

/**
 * ASCII uppercasing eight bytes at a time (SWAR): {@code a}–{@code z} become {@code A}–{@code Z},
 * every other byte, including non-ASCII ones, is left as it is.
 */
public final class AsciiUpperCase {
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LOW_SEVEN = 0x7F7F7F7F7F7F7F7FL;

    private AsciiUpperCase() {
    }

    /**
     * For each byte of {@code word}, 0x20 where it is a lowercase ASCII letter, else 0. Adding to the
     * low seven bits never carries into the next byte, so all eight lanes are tested at once.
     */
    public static long lowerCaseBits(long word) {
        long seven = word & LOW_SEVEN;
        long atLeastA = seven + (0x80 - 'a') * ONES;
        long aboveZ = seven + (0x80 - 'z' - 1) * ONES;
        return ((atLeastA & ~aboveZ & ~word) & HIGH_BITS) >>> 2;
    }

    public static long upperCase(long word) {
        return word ^ lowerCaseBits(word);
    }

    public static byte upperCase(byte b) {
        return b >= 'a' && b <= 'z' ? (byte) (b - 0x20) : b;
    }

    /** Uppercases {@code length} bytes of {@code buf} from {@code index}, in place. */
    public static void upperCaseInPlace(ByteBuf buf, int index, int length) {
        int i = index;
        int end = index + length;
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            long word = buf.getLong(i);
            long bits = lowerCaseBits(word);
            if (bits != 0) {
                buf.setLong(i, word ^ bits);
            }
        }
        for (; i < end; i++) {
            byte b = buf.getByte(i);
            if (b >= 'a' && b <= 'z') {
                buf.setByte(i, b - 0x20);
            }
        }
    }

    /** Uppercases the readable bytes of {@code buf} in place. */
    public static void upperCaseInPlace(ByteBuf buf) {
        upperCaseInPlace(buf, buf.readerIndex(), buf.readableBytes());
    }

    /** The first index in [index, index+length) whose byte is not ASCII, or -1. */
    public static int firstNonAscii(ByteBuf buf, int index, int length) {
        int i = index;
        int end = index + length;
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            if ((buf.getLong(i) & HIGH_BITS) != 0) {
                break;
            }
        }
        for (; i < end; i++) {
            if (buf.getByte(i) < 0) {
                return i;
            }
        }
        return -1;
    }
}
