package capslock.common.text;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link VectorKernel} on Java 19 and later, whose Vector API loads vectors from {@code MemorySegment}s
 * ({@code ByteVector.fromMemorySegment}), the same rule as {@link BufferVectorUpperCase}.
 *
 * <p>The project compiles for Java 17, which has neither {@code java.lang.foreign.MemorySegment} nor those methods, so
 * they are looked up once, when this class initialises, as method handles held in {@code static final} fields: the
 * JIT treats such handles as constants and inlines them, so the loop compiles as if it called the methods directly.
 * On a JVM that lacks them, initialisation fails with a {@link LinkageError}, which {@link AsciiUpperCase} reports.
 */
final class SegmentVectorUpperCase implements VectorKernel {
    private static final VectorSpecies<Byte> SPECIES = ByteVector.SPECIES_PREFERRED;
    /** {@code MemorySegment.ofBuffer(Buffer)}, typed {@code (ByteBuffer)Object}. */
    private static final MethodHandle OF_BUFFER;
    /** {@code ByteVector.fromMemorySegment(VectorSpecies, MemorySegment, long, ByteOrder)}, the segment typed Object. */
    private static final MethodHandle LOAD;
    /** {@code ByteVector.intoMemorySegment(MemorySegment, long, ByteOrder)}, the segment typed Object. */
    private static final MethodHandle STORE;

    static {
        try {
            Class<?> segment = Class.forName("java.lang.foreign.MemorySegment");
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            OF_BUFFER = lookup.findStatic(segment, "ofBuffer", MethodType.methodType(segment, Buffer.class))
                    .asType(MethodType.methodType(Object.class, ByteBuffer.class));
            LOAD = lookup.findStatic(ByteVector.class, "fromMemorySegment",
                            MethodType.methodType(ByteVector.class, VectorSpecies.class, segment, long.class, ByteOrder.class))
                    .asType(MethodType.methodType(ByteVector.class, VectorSpecies.class, Object.class, long.class, ByteOrder.class));
            STORE = lookup.findVirtual(ByteVector.class, "intoMemorySegment",
                            MethodType.methodType(void.class, segment, long.class, ByteOrder.class))
                    .asType(MethodType.methodType(void.class, ByteVector.class, Object.class, long.class, ByteOrder.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public int lanes() {
        return SPECIES.length();
    }

    @Override
    public int upperCase(ByteBuffer view, int from, int to) {
        try {
            return loop(view, from, to);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e); // the handles declare Throwable; the methods behind them throw nothing checked
        }
    }

    private static int loop(ByteBuffer view, int from, int to) throws Throwable {
        int base = view.position(); // a buffer's segment starts at its position
        Object segment = OF_BUFFER.invokeExact(view);
        ByteOrder order = ByteOrder.nativeOrder();
        int i = from;
        int end = from + SPECIES.loopBound(to - from);
        for (; i < end; i += SPECIES.length()) {
            ByteVector v = (ByteVector) LOAD.invokeExact(SPECIES, segment, (long) (i - base), order);
            VectorMask<Byte> lower = v.add(BufferVectorUpperCase.SHIFT).compare(VectorOperators.LT, BufferVectorUpperCase.BELOW);
            ByteVector upper = v.lanewise(VectorOperators.XOR, (byte) 0x20, lower);
            STORE.invokeExact(upper, segment, (long) (i - base), order);
        }
        return i;
    }
}
