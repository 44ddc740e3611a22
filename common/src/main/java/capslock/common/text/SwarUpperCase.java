package capslock.common.text;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The uppercase rule eight bytes at a time in a {@code long} (SWAR: SIMD within a register), through a NIO view of
 * the buffer: the kernel every JVM can run, and the one that finishes what a vector kernel leaves. It needs neither
 * {@code sun.misc.Unsafe} nor memory addresses, so it runs the same on Java 17 and on JVMs where Netty does without
 * them. Branch-free: four words per turn, then words, then single bytes.
 */
final class SwarUpperCase {
    private static final long ONES = 0x0101010101010101L;
    static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LOW_SEVEN = 0x7F7F7F7F7F7F7F7FL;

    private SwarUpperCase() {
    }

    /**
     * For each byte of {@code word}, 0x20 where it is a lowercase ASCII letter, else 0. Adding to the low seven bits
     * never carries into the next byte, so all eight lanes are tested at once; the byte order does not matter.
     */
    static long lowerCaseBits(long word) {
        long seven = word & LOW_SEVEN;
        long atLeastA = seven + (0x80 - 'a') * ONES;
        long aboveZ = seven + (0x80 - 'z' - 1) * ONES;
        return ((atLeastA & ~aboveZ & ~word) & HIGH_BITS) >>> 2;
    }

    /** Uppercases {@code view}'s bytes from index {@code from} to {@code to} in place. */
    static void upperCase(ByteBuffer view, int from, int to) {
        ByteBuffer v = view.order(ByteOrder.nativeOrder()); // the rule is per byte: native order only saves byte swaps
        int i = from;
        for (; i + 4 * Long.BYTES <= to; i += 4 * Long.BYTES) {
            long a = v.getLong(i);
            long b = v.getLong(i + 8);
            long c = v.getLong(i + 16);
            long d = v.getLong(i + 24);
            v.putLong(i, a ^ lowerCaseBits(a));
            v.putLong(i + 8, b ^ lowerCaseBits(b));
            v.putLong(i + 16, c ^ lowerCaseBits(c));
            v.putLong(i + 24, d ^ lowerCaseBits(d));
        }
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long word = v.getLong(i);
            v.putLong(i, word ^ lowerCaseBits(word));
        }
        for (; i < to; i++) {
            v.put(i, AsciiUpperCase.upperCase(v.get(i)));
        }
    }
}
