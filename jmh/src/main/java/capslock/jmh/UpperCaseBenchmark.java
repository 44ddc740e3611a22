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

    /** The same per-byte rule over raw memory: no bounds checks, so what remains is the per-byte work itself. */
    @Benchmark
    public ByteBuf scalarAddress() {
        ByteBuf buf = restore(direct);
        long address = buf.memoryAddress();
        for (int i = 0; i < size; i++) {
            PlatformDependent.putByte(address + i, AsciiUpperCase.upperCase(PlatformDependent.getByte(address + i)));
        }
        return buf;
    }

    /** capslock's kernel on a heap buffer: SWAR through one NIO view (bounds-checked words). */
    @Benchmark
    public ByteBuf swarHeap() {
        return kernel(heap);
    }

    /** capslock's fallback kernel on a direct buffer, as the server runs it: SWAR at the memory address, 32 bytes a turn. */
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
