package capslock.common.text;

import java.nio.ByteBuffer;

/**
 * The uppercase rule a vector register at a time, through the incubating Vector API. Two forms, because the API
 * changed under it: {@link BufferVectorUpperCase} for Java 17 and 18 (vectors load from {@code ByteBuffer}s) and
 * {@link SegmentVectorUpperCase} for 19 and later (they load from {@code MemorySegment}s). Only {@link AsciiUpperCase}
 * creates one, and only once it has found the {@code jdk.incubator.vector} module in the boot layer.
 */
interface VectorKernel {
    /** Bytes per step: the preferred species' length (32 with AVX2, 64 with AVX-512). */
    int lanes();

    /**
     * Uppercases {@code view}'s bytes in place from index {@code from} up to the last whole vector before {@code to},
     * and returns the index where it stopped: the caller finishes the tail, shorter than {@link #lanes()}.
     */
    int upperCase(ByteBuffer view, int from, int to);
}
