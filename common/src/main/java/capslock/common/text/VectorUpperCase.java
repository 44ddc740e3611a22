package capslock.common.text;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The uppercase rule a whole vector register at a time (32 bytes with AVX2), through Java 17's Vector API.
 * Only {@link AsciiUpperCase} touches this class, and only once it has found the incubator module in the
 * boot layer: without it, loading this class would fail.
 */
final class VectorUpperCase {
    private static final VectorSpecies<Byte> SPECIES = ByteVector.SPECIES_PREFERRED;
    /** Moves 'a'..'z' to the bottom of the signed byte range, so one signed compare finds them. */
    private static final byte SHIFT = (byte) (Byte.MIN_VALUE - 'a');
    private static final byte BELOW = (byte) (Byte.MIN_VALUE + 26);

    private VectorUpperCase() {
    }

    /** Bytes per turn of the loop; narrower than 16 is no vector unit worth using. */
    static int lanes() {
        return SPECIES.length();
    }

    /**
     * Uppercases {@code view} in place from {@code from} up to the last whole vector before {@code to};
     * returns where it stopped (the caller finishes the tail).
     */
    static int upperCase(ByteBuffer view, int from, int to) {
        int i = from;
        int end = from + SPECIES.loopBound(to - from);
        for (; i < end; i += SPECIES.length()) {
            ByteVector v = ByteVector.fromByteBuffer(SPECIES, view, i, ByteOrder.nativeOrder());
            VectorMask<Byte> lower = v.add(SHIFT).compare(VectorOperators.LT, BELOW);
            v.lanewise(VectorOperators.XOR, (byte) 0x20, lower).intoByteBuffer(view, i, ByteOrder.nativeOrder());
        }
        return i;
    }
}
