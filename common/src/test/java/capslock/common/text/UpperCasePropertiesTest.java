package capslock.common.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.ObjIntConsumer;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

class UpperCasePropertiesTest {

    @Property(tries = 2000)
    void upperCaseInPlaceEqualsTheByteByByteRule(@ForAll @Size(max = 100) byte[] bytes) {
        ByteBuf buf = Unpooled.wrappedBuffer(bytes.clone());
        AsciiUpperCase.upperCaseInPlace(buf);
        assertThat(ByteBufUtil.getBytes(buf)).isEqualTo(byteRule(bytes));
    }

    /** Direct buffers, at any offset: the same rule, and not one byte outside the range is touched. */
    @Property(tries = 2000)
    void directBuffersAtAnOffsetGetTheSameRuleAndNothingOutsideTheRange(@ForAll @Size(max = 300) byte[] bytes,
                                                                         @ForAll byte offsetSeed) {
        assertUppercasedInPlaceAtOffset(bytes, offsetSeed, (direct, offset) -> AsciiUpperCase.upperCaseInPlace(direct, offset, bytes.length));
    }

    /**
     * The SWAR kernel on its own (with a vector kernel in use it only ever sees tails): every byte of the range by
     * the rule, through all three of its loops, nothing outside the range touched.
     */
    @Property(tries = 2000)
    void swarKernelAtAnOffsetFollowsTheRule(@ForAll @Size(max = 300) byte[] bytes, @ForAll byte offsetSeed) {
        assertUppercasedInPlaceAtOffset(bytes, offsetSeed, (direct, offset) -> {
            ByteBuffer view = direct.nioBuffer(offset, bytes.length);
            SwarUpperCase.upperCase(view, view.position(), view.limit());
        });
    }

    /** {@code bytes} at an offset in a direct buffer, uppercased by {@code kernel}: the rule in range, nothing after it. */
    private static void assertUppercasedInPlaceAtOffset(byte[] bytes, byte offsetSeed, ObjIntConsumer<ByteBuf> kernel) {
        int offset = Math.floorMod(offsetSeed, 16);
        ByteBuf direct = ByteBufAllocator.DEFAULT.directBuffer(offset + bytes.length + 8);
        try {
            direct.writeZero(offset).writeBytes(bytes).writeBytes(new byte[] {'z', 'z', 'z', 'z', 'z', 'z', 'z', 'z'});
            kernel.accept(direct, offset);
            assertThat(ByteBufUtil.getBytes(direct, offset, bytes.length)).isEqualTo(byteRule(bytes));
            assertThat(direct.toString(offset + bytes.length, 8, StandardCharsets.US_ASCII)).isEqualTo("zzzzzzzz");
        } finally {
            direct.release();
        }
    }

    /**
     * This JVM's vector kernel on its own (the Java 17 form or the Java 19+ one, by the running version): whole
     * vectors from the start, by the rule, and the tail left for SWAR, untouched.
     */
    @Property(tries = 2000)
    void vectorKernelAtAnOffsetFollowsTheRuleAndLeavesTheTail(@ForAll @Size(max = 300) byte[] bytes, @ForAll byte offsetSeed) {
        assumeThat(ModuleLayer.boot().findModule(AsciiUpperCase.VECTOR_MODULE)).isPresent();
        VectorKernel kernel = AsciiUpperCase.newVectorKernel(Runtime.version().feature());
        int offset = Math.floorMod(offsetSeed, 16);
        ByteBuffer view = ByteBuffer.allocateDirect(offset + bytes.length);
        view.put(offset, bytes);
        int end = kernel.upperCase(view, offset, offset + bytes.length);
        int done = end - offset;
        assertThat(done).isEqualTo(bytes.length / kernel.lanes() * kernel.lanes());
        byte[] expected = byteRule(bytes);
        System.arraycopy(bytes, done, expected, done, bytes.length - done);
        byte[] actual = new byte[bytes.length];
        view.get(offset, actual);
        assertThat(actual).isEqualTo(expected);
    }

    /** A view whose position is not 0 (a segment of a buffer starts at its position): the same rule, the same range. */
    @Example
    void vectorKernelOnAViewThatStartsInsideItsBuffer() {
        assumeThat(ModuleLayer.boot().findModule(AsciiUpperCase.VECTOR_MODULE)).isPresent();
        VectorKernel kernel = AsciiUpperCase.newVectorKernel(Runtime.version().feature());
        byte[] text = ("the quick brown fox jumps over the lazy dog ".repeat(8) + "z").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer view = ByteBuffer.allocateDirect(text.length + 10).put(10, text).position(10);
        int end = kernel.upperCase(view, 10, 10 + text.length);
        byte[] actual = new byte[end - 10];
        view.get(10, actual);
        assertThat(actual).isEqualTo(byteRule(java.util.Arrays.copyOf(text, end - 10)));
        byte[] tail = new byte[10 + text.length - end];
        view.get(end, tail);
        assertThat(tail).as("the tail is left for SWAR").isEqualTo(java.util.Arrays.copyOfRange(text, end - 10, text.length));
        assertThat(tail).isNotEmpty();
    }

    /** What ./capslock gives the server, the tests have too (surefire adds the module): a vector kernel runs, on 17 and later. */
    @Example
    void theVectorKernelIsInUseWhereTheJvmHasTheVectorApiModule() {
        assumeThat(ModuleLayer.boot().findModule(AsciiUpperCase.VECTOR_MODULE)).isPresent();
        assertThat(AsciiUpperCase.kernel()).startsWith("Vector API, ");
    }

    private static byte[] byteRule(byte[] bytes) {
        byte[] expected = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            expected[i] = bytes[i] >= 'a' && bytes[i] <= 'z' ? (byte) (bytes[i] - 32) : bytes[i];
        }
        return expected;
    }

    @Example
    void aRangeOutsideTheBufferIsRefusedBeforeAnyByteIsTouched() {
        ByteBuf direct = ByteBufAllocator.DEFAULT.directBuffer(16).writeBytes("abcdefghabcdefgh".getBytes(StandardCharsets.US_ASCII));
        try {
            assertThatThrownBy(() -> AsciiUpperCase.upperCaseInPlace(direct, 8, 64)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThat(direct.toString(StandardCharsets.US_ASCII)).isEqualTo("abcdefghabcdefgh");
        } finally {
            direct.release();
        }
    }

    @Example
    void everyByteValueOutsideAToZIsLeftAlone() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        ByteBuf buf = Unpooled.wrappedBuffer(all.clone());
        AsciiUpperCase.upperCaseInPlace(buf);
        for (int i = 0; i < 256; i++) {
            byte expected = i >= 'a' && i <= 'z' ? (byte) (i - 32) : (byte) i;
            assertThat(buf.getByte(i)).as("byte %d", i).isEqualTo(expected);
        }
    }

    @Property(tries = 2000)
    void utf8UppercasingOfValidTextEqualsJavas(@ForAll String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (!new String(utf8, StandardCharsets.UTF_8).equals(text)) {
            return; // lone surrogates do not survive encoding; nothing to compare
        }
        ByteBuf out = Utf8UpperCase.apply(Unpooled.wrappedBuffer(utf8), ByteBufAllocator.DEFAULT);
        try {
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(text.toUpperCase(Locale.ROOT));
        } finally {
            out.release();
        }
    }

    @Example
    void eszettBecomesTwoLetters() {
        ByteBuf out = Utf8UpperCase.apply(Unpooled.copiedBuffer("straße", StandardCharsets.UTF_8), ByteBufAllocator.DEFAULT);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("STRASSE");
        out.release();
    }

    @Example
    void brokenUtf8PassesThroughUnchanged() {
        byte[] broken = {'a', (byte) 0xC3, 'b', (byte) 0xFF, (byte) 0xE0, (byte) 0x80, (byte) 0x80, (byte) 0xC3, (byte) 0xA9};
        ByteBuf out = Utf8UpperCase.apply(Unpooled.wrappedBuffer(broken), ByteBufAllocator.DEFAULT);
        byte[] expected = {'A', (byte) 0xC3, 'B', (byte) 0xFF, (byte) 0xE0, (byte) 0x80, (byte) 0x80, (byte) 0xC3, (byte) 0x89};
        assertThat(ByteBufUtil.getBytes(out)).isEqualTo(expected);
        out.release();
    }

    @Property(tries = 2000)
    void safeEndNeverSplitsACharacterThatCouldBeCompleted(@ForAll String text, @ForAll byte cutSeed) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (utf8.length == 0) {
            return;
        }
        int cut = Math.floorMod(cutSeed, utf8.length) + 1;
        ByteBuf buf = Unpooled.wrappedBuffer(utf8);
        int end = Utf8.safeEnd(buf, 0, cut);
        assertThat(end).isBetween(Math.max(0, cut - 3), cut);
        // What comes before the safe end decodes on its own, without a replacement character.
        String head = buf.toString(0, end, StandardCharsets.UTF_8);
        assertThat(text).startsWith(head);
    }
}
