package capslock.jmh;

import capslock.common.text.AsciiUpperCase;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.internal.PlatformDependent;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The uppercase kernel, one chunk in place, as the server runs it: the scalar loops a straightforward
 * handler would write against capslock's SWAR and Vector API ones. Each operation first restores the
 * lowercase text (uppercasing in place is idempotent, and already-uppercase text would make the scalar
 * loop's branches perfectly predictable); {@code copyOnly} measures that restore alone, to subtract.
 * {@code AsciiUpperCase} picks its kernel from the JVM's modules, so the swar* benchmarks fork a JVM
 * without the Vector API module and the vector* ones a JVM with it; the set-up checks which kernel runs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class UpperCaseBenchmark {
    private static final String WITH_VECTOR_API = "--add-modules=jdk.incubator.vector";

    @Param({"1024", "65536"})
    int size;

    private ByteBuf text;
    private ByteBuf direct;
    private ByteBuf heap;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        boolean vector = AsciiUpperCase.kernel().startsWith("Vector API");
        if (method.startsWith("vector") != vector && (method.startsWith("vector") || method.startsWith("swar"))) {
            throw new IllegalStateException(method + " would measure the " + AsciiUpperCase.kernel() + " kernel");
        }
        // Prose, so the scalar loop meets the mix of letters, capitals, spaces and punctuation real text has.
        String prose = "It was the best of times, it was the worst of times; TCP said: wait for the ACK.\n";
        byte[] bytes = prose.repeat(size / prose.length() + 1).substring(0, size).getBytes(StandardCharsets.US_ASCII);
        text = Unpooled.directBuffer(size).writeBytes(bytes);
        direct = Unpooled.directBuffer(size).writeBytes(bytes);
        heap = Unpooled.buffer(size).writeBytes(bytes);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        text.release();
        direct.release();
        heap.release();
    }

    private ByteBuf restore(ByteBuf target) {
        target.setBytes(0, text, 0, size);
        return target;
    }

    /** capslock's kernel, whichever this JVM runs, as the server calls it. */
    private ByteBuf kernel(ByteBuf target) {
        ByteBuf buf = restore(target);
        AsciiUpperCase.upperCaseInPlace(buf, 0, size);
        return buf;
    }

    @Benchmark
    public ByteBuf copyOnly() {
        return restore(direct);
    }

    /** What a handler written without thought does: getByte/setByte through the ByteBuf, one branch per byte. */
    @Benchmark
    public ByteBuf scalarByteBuf() {
        ByteBuf buf = restore(direct);
        for (int i = 0; i < size; i++) {
            buf.setByte(i, AsciiUpperCase.upperCase(buf.getByte(i)));
        }
        return buf;
    }

    /**
     * The SWAR loop as it was, at the direct buffer's memory address through Netty's {@code PlatformDependent}
     * ({@code Unsafe}): the reference the NIO-view kernel is measured against. It needs {@code Unsafe}, which
     * Netty does without on Java 24 and later unless told otherwise, so it only runs where the JVM gives it.
     */
    @Benchmark
    public ByteBuf swarAtAddressWithUnsafe() {
        ByteBuf buf = restore(direct);
        long i = buf.memoryAddress();
        long end = i + size;
        for (; i + 32 <= end; i += 32) {
            long a = PlatformDependent.getLong(i);
            long b = PlatformDependent.getLong(i + 8);
            long c = PlatformDependent.getLong(i + 16);
            long d = PlatformDependent.getLong(i + 24);
            PlatformDependent.putLong(i, a ^ lowerCaseBits(a));
            PlatformDependent.putLong(i + 8, b ^ lowerCaseBits(b));
            PlatformDependent.putLong(i + 16, c ^ lowerCaseBits(c));
            PlatformDependent.putLong(i + 24, d ^ lowerCaseBits(d));
        }
        for (; i < end; i++) {
            PlatformDependent.putByte(i, AsciiUpperCase.upperCase(PlatformDependent.getByte(i)));
        }
        return buf;
    }

    private static long lowerCaseBits(long word) {
        long seven = word & 0x7F7F7F7F7F7F7F7FL;
        long atLeastA = seven + (0x80 - 'a') * 0x0101010101010101L;
        long aboveZ = seven + (0x80 - 'z' - 1) * 0x0101010101010101L;
        return ((atLeastA & ~aboveZ & ~word) & 0x8080808080808080L) >>> 2;
    }

    /** capslock's kernel on a heap buffer without the Vector API: SWAR through one NIO view. */
    @Benchmark
    public ByteBuf swarHeap() {
        return kernel(heap);
    }

    /** capslock's kernel without the Vector API on a direct buffer, as the server runs it: SWAR through one NIO view. */
    @Benchmark
    public ByteBuf swarDirect() {
        return kernel(direct);
    }

    /** capslock's kernel with the Vector API, on a heap buffer. */
    @Benchmark
    @Fork(value = 1, jvmArgs = {"-Xmx1g", WITH_VECTOR_API})
    public ByteBuf vectorHeap() {
        return kernel(heap);
    }

    /** capslock's kernel as the server runs it, with the Vector API, on a direct buffer: a register at a time. */
    @Benchmark
    @Fork(value = 1, jvmArgs = {"-Xmx1g", WITH_VECTOR_API})
    public ByteBuf vectorDirect() {
        return kernel(direct);
    }
}
