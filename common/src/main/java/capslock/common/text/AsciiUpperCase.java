package capslock.common.text;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;

/**
 * ASCII uppercasing: {@code a}–{@code z} become {@code A}–{@code Z}; every other byte, non-ASCII ones included, is
 * left as it is. The work is done by the fastest kernel this JVM offers, chosen once and named by {@link #kernel()}:
 *
 * <ul>
 * <li>the Vector API ({@link VectorKernel}), a vector register at a time, when the JVM was started with
 *     {@code --add-modules jdk.incubator.vector} and the kernel passes a self-test over all 256 byte values;</li>
 * <li>otherwise SWAR ({@link SwarUpperCase}), eight bytes at a time in a {@code long}.</li>
 * </ul>
 *
 * Both work through one NIO view of the buffer per call, never through the {@code ByteBuf} per byte or word (a
 * leak-tracked buffer records a stack trace on every access), and need neither {@code Unsafe} nor memory addresses.
 */
public final class AsciiUpperCase {
    static final String VECTOR_MODULE = "jdk.incubator.vector";
    /** The vector kernel in use, or null for SWAR; {@link #KERNEL} says which and why. */
    private static final VectorKernel VECTOR;
    private static final String KERNEL;

    static {
        VectorKernel vector = null;
        String kernel;
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
            kernel = "SWAR (start the JVM with --add-modules " + VECTOR_MODULE + " for the Vector API)";
        } else {
            try {
                VectorKernel candidate = newVectorKernel(Runtime.version().feature());
                if (candidate.lanes() < 16) {
                    kernel = "SWAR (no vector unit of 128 bits or more)";
                } else if (!agreesWithTheByteRule(candidate)) {
                    kernel = "SWAR (the Vector API kernel failed its self-test)";
                } else {
                    vector = candidate;
                    kernel = "Vector API, " + candidate.lanes() * 8 + "-bit";
                }
            } catch (LinkageError e) {
                kernel = "SWAR (the Vector API failed to load: " + e + ")";
            }
        }
        VECTOR = vector;
        KERNEL = kernel;
    }

    private AsciiUpperCase() {
    }

    /** Java 19 replaced the Vector API's {@code ByteBuffer} methods with {@code MemorySegment} ones. */
    static VectorKernel newVectorKernel(int javaFeatureVersion) {
        return javaFeatureVersion >= 19 ? new SegmentVectorUpperCase() : new BufferVectorUpperCase();
    }

    /** Which kernel this JVM runs, for the start-up line and reports: "Vector API, 256-bit" or "SWAR (why not)". */
    public static String kernel() {
        return KERNEL;
    }

    /** The kernel on every byte value, against {@link #upperCase(byte)}, before it is trusted with traffic. */
    static boolean agreesWithTheByteRule(VectorKernel kernel) {
        ByteBuffer all = ByteBuffer.allocateDirect(256);
        for (int i = 0; i < 256; i++) {
            all.put(i, (byte) i);
        }
        int end = kernel.upperCase(all, 0, 256);
        for (int i = 0; i < end; i++) {
            if (all.get(i) != upperCase((byte) i)) {
                return false;
            }
        }
        return end == 256;
    }

    public static byte upperCase(byte b) {
        return b >= 'a' && b <= 'z' ? (byte) (b - 0x20) : b;
    }

    /**
     * Uppercases {@code length} bytes of {@code buf} from {@code index}, in place.
     *
     * @throws IndexOutOfBoundsException if the range is not within the buffer, before any byte is touched
     * @throws io.netty.util.IllegalReferenceCountException if the buffer has been released
     */
    public static void upperCaseInPlace(ByteBuf buf, int index, int length) {
        if (buf.nioBufferCount() != 1) {
            if (index < 0 || length < 0 || index > buf.capacity() - length) {
                throw new IndexOutOfBoundsException("index " + index + ", length " + length + ", capacity " + buf.capacity());
            }
            for (int i = index; i < index + length; i++) {
                buf.setByte(i, upperCase(buf.getByte(i)));
            }
            return;
        }
        ByteBuffer view = buf.nioBuffer(index, length); // checks the range, and that buf has not been released
        int from = view.position();
        int to = view.limit();
        if (VECTOR != null && length >= VECTOR.lanes()) {
            from = VECTOR.upperCase(view, from, to);
        }
        SwarUpperCase.upperCase(view, from, to);
    }

    /** Uppercases the readable bytes of {@code buf} in place. */
    public static void upperCaseInPlace(ByteBuf buf) {
        upperCaseInPlace(buf, buf.readerIndex(), buf.readableBytes());
    }

    /** The first index in [index, index+length) whose byte is not ASCII, or -1. */
    public static int firstNonAscii(ByteBuf buf, int index, int length) {
        if (buf.nioBufferCount() != 1) {
            for (int i = index; i < index + length; i++) {
                if (buf.getByte(i) < 0) {
                    return i;
                }
            }
            return -1;
        }
        ByteBuffer view = buf.nioBuffer(index, length);
        int base = view.position();
        int i = base;
        int end = view.limit();
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            if ((view.getLong(i) & SwarUpperCase.HIGH_BITS) != 0) {
                break;
            }
        }
        for (; i < end; i++) {
            if (view.get(i) < 0) {
                return index + (i - base);
            }
        }
        return -1;
    }
}
