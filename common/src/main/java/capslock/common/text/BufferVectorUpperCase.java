package capslock.common.text;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link VectorKernel} on Java 17 and 18, whose Vector API loads vectors from {@code ByteBuffer}s (Java 19 replaced
 * those methods with {@code MemorySegment} ones, so on a later JVM this class fails to link).
 *
 * <p>One add moves {@code 'a'..'z'} to the bottom of the signed byte range, one signed compare finds them, and a
 * masked XOR with {@code 0x20} flips them; every other byte is left alone.
 */
final class BufferVectorUpperCase implements VectorKernel {
    private static final VectorSpecies<Byte> SPECIES = ByteVector.SPECIES_PREFERRED;
    static final byte SHIFT = (byte) (Byte.MIN_VALUE - 'a');
    static final byte BELOW = (byte) (Byte.MIN_VALUE + 26);

    @Override
    public int lanes() {
        return SPECIES.length();
    }

    @Override
    public int upperCase(ByteBuffer view, int from, int to) {
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
