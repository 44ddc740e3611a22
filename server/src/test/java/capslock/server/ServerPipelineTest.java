package capslock.server;

import static org.assertj.core.api.Assertions.assertThat;

import capslock.common.text.TextCharset;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The server's pipeline, driven through {@link EmbeddedChannel}: no sockets, exact control of reads. */
class ServerPipelineTest {

    private static EmbeddedChannel pipeline(ServerConfig config) {
        return new EmbeddedChannel(new ServerInitializer(config, new ServerStats()));
    }

    private static byte[] drainOutbound(EmbeddedChannel ch) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ByteBuf buf; (buf = ch.readOutbound()) != null; ) {
            out.writeBytes(ByteBufUtil.getBytes(buf));
            buf.release();
        }
        return out.toByteArray();
    }

    @Test
    void withoutBackpressureAReadIsHandedOnWholeAsASliceOfTheReadBuffer() {
        EmbeddedChannel ch = new EmbeddedChannel(new ChunkDecoder(1024, TextCharset.ASCII, false));
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[5000]));
        ByteBuf run = ch.readInbound();
        assertThat(run.readableBytes()).isEqualTo(5000);
        assertThat(run.unwrap()).as("a slice, not a copy").isNotNull();
        run.release();
        assertThat((Object) ch.readInbound()).isNull();
        assertThat(ch.finish()).isFalse();
    }

    /**
     * Whole chunks, as many as the channel takes before its high mark, in one slice: the last chunk crosses
     * the mark, exactly as it would have one chunk at a time, and the rest waits for the channel to drain.
     */
    @Test
    void runsAreWholeChunksUpToTheHighMarkAndTheRestWaitsForTheDrain() {
        ServerConfig config = ServerConfig.loopback().withChunkSize(100);
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.config().setWriteBufferWaterMark(new WriteBufferWaterMark(300, 600));
        ch.pipeline().addLast(new ServerInitializer(config, new ServerStats()));
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[2000]));
        List<Integer> sizes = new ArrayList<>();
        for (int turn = 0; turn < 10; turn++) {
            for (ByteBuf out; (out = ch.readOutbound()) != null; ) {
                sizes.add(out.readableBytes());
                out.release();
            }
            ch.runPendingTasks(); // the decoder hands on what it held once the flush made the channel writable
        }
        assertThat(sizes).containsExactly(700, 700, 600);
        assertThat(ConnectionStats.of(ch).peakQueued()).isLessThanOrEqualTo(QueueBound.of(config.withWaterMark(
                capslock.common.WaterMark.parse("300:600"))));
        ch.finishAndReleaseAll();
    }

    /**
     * A queue that reaches the high mark is flushed there and then, not at the end of the read batch: when the
     * socket takes it all, the rest of the read goes on in the same turn, with no pause and no queued task.
     */
    @Test
    void aFullQueueGoesOutAtOnceAndTheReadGoesOnInTheSameTurn() {
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.config().setWriteBufferWaterMark(new WriteBufferWaterMark(300, 600));
        ch.pipeline().addLast(new ServerInitializer(ServerConfig.loopback().withChunkSize(100), new ServerStats()));

        ch.writeOneInbound(Unpooled.wrappedBuffer(new byte[1900])); // a read, without its read-complete

        List<Integer> sizes = new ArrayList<>();
        for (ByteBuf out; (out = ch.readOutbound()) != null; ) {
            sizes.add(out.readableBytes());
            out.release();
        }
        assertThat(sizes).as("flushed before the batch ended").containsExactly(700, 700);
        ch.flushInbound(); // read complete: the tail under the mark goes out with the batch's flush
        assertThat(drainOutbound(ch)).hasSize(500);
        ch.finishAndReleaseAll();
    }

    @Test
    void theBooksThirtyTwoBytesComeBackUppercased() {
        EmbeddedChannel ch = pipeline(ServerConfig.loopback());
        ch.writeInbound(Unpooled.copiedBuffer("capitalize this!capitalize this!", StandardCharsets.US_ASCII));
        assertThat(new String(drainOutbound(ch), StandardCharsets.US_ASCII)).isEqualTo("CAPITALIZE THIS!CAPITALIZE THIS!");
        ch.finishAndReleaseAll();
    }

    @Test
    void asciiModeLeavesEveryNonLetterByteAlone() {
        byte[] all = new byte[256 * 4];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        EmbeddedChannel ch = pipeline(ServerConfig.loopback().withChunkSize(7));
        ch.writeInbound(Unpooled.wrappedBuffer(all.clone()));
        byte[] out = drainOutbound(ch);
        assertThat(out).hasSize(all.length);
        for (int i = 0; i < all.length; i++) {
            byte b = all[i];
            assertThat(out[i]).isEqualTo(b >= 'a' && b <= 'z' ? (byte) (b - 32) : b);
        }
        ch.finishAndReleaseAll();
    }

    @Property(tries = 2000)
    void anySplitOfTheInputGivesTheSameReply(@ForAll @Size(max = 3000) byte[] payload,
                                             @ForAll @IntRange(min = 4, max = 2048) int chunkSize,
                                             @ForAll long seed,
                                             @ForAll boolean utf8) {
        TextCharset charset = utf8 ? TextCharset.UTF_8 : TextCharset.ASCII;
        byte[] reply = runThrough(pipeline(ServerConfig.loopback().withChunkSize(chunkSize).withCharset(charset)), payload, seed);
        assertThat(reply).isEqualTo(oneShot(payload, charset));
    }

    @Property(tries = 2000)
    void utf8TextSplitAnywhereIsUppercasedLikeJava(@ForAll @Size(max = 400) String text,
                                                   @ForAll @IntRange(min = 4, max = 64) int chunkSize,
                                                   @ForAll long seed) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (!new String(utf8, StandardCharsets.UTF_8).equals(text)) {
            return; // lone surrogates are not text
        }
        ServerConfig config = ServerConfig.loopback().withChunkSize(chunkSize).withCharset(TextCharset.UTF_8);
        byte[] reply = runThrough(pipeline(config), utf8, seed);
        assertThat(new String(reply, StandardCharsets.UTF_8)).isEqualTo(text.toUpperCase(Locale.ROOT));
    }

    @Test
    void aCharacterSplitAcrossReadsIsKeptWhole() {
        EmbeddedChannel ch = pipeline(ServerConfig.loopback().withCharset(TextCharset.UTF_8));
        byte[] e = "é".getBytes(StandardCharsets.UTF_8);
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {'x', e[0]}));
        assertThat(new String(drainOutbound(ch), StandardCharsets.UTF_8)).isEqualTo("X");
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {e[1], 'y'}));
        assertThat(new String(drainOutbound(ch), StandardCharsets.UTF_8)).isEqualTo("ÉY");
        ch.finishAndReleaseAll();
    }

    @Test
    void halfCloseFlushesEverythingThenCloses() {
        EmbeddedChannel ch = pipeline(ServerConfig.loopback().withCharset(TextCharset.UTF_8));
        byte[] e = "é".getBytes(StandardCharsets.UTF_8);
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {'a', e[0]}));
        ch.pipeline().fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);
        ch.runPendingTasks();
        // The unfinished character was not text: it goes back as it came, after everything else.
        assertThat(drainOutbound(ch)).isEqualTo(new byte[] {'A', e[0]});
        assertThat(ch.isOpen()).isFalse();
        ch.finishAndReleaseAll();
    }

    /** Holds the pipeline's flushes while shut, as a socket whose peer reads nothing would. */
    private static final class FlushGate extends ChannelOutboundHandlerAdapter {
        private ChannelHandlerContext ctx;
        private boolean open;

        static FlushGate shutFirstIn(EmbeddedChannel ch) {
            FlushGate gate = new FlushGate();
            ch.pipeline().addFirst("gate", gate);
            return gate;
        }

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void flush(ChannelHandlerContext ctx) {
            if (open) {
                ctx.flush();
            }
        }

        /** The socket takes everything queued so far, and stays shut for what comes next. */
        void takeOnce() {
            ctx.flush();
        }

        void open() {
            open = true;
            ctx.flush();
        }
    }

    /** Each writability change as the throttle's next handler sees it: writable, and autoRead at that moment. */
    private static List<boolean[]> probeAfterThrottle(EmbeddedChannel ch) {
        List<boolean[]> seen = new ArrayList<>();
        ch.pipeline().addAfter(ServerPipeline.READ_THROTTLE, "probe", new ChannelInboundHandlerAdapter() {
            @Override
            public void channelWritabilityChanged(ChannelHandlerContext ctx) {
                seen.add(new boolean[] {ctx.channel().isWritable(), ctx.channel().config().isAutoRead()});
                ctx.fireChannelWritabilityChanged();
            }
        });
        return seen;
    }

    private static EmbeddedChannel smallMarks(int chunkSize) {
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.config().setWriteBufferWaterMark(new WriteBufferWaterMark(300, 600));
        ch.pipeline().addLast(new ServerInitializer(ServerConfig.loopback().withChunkSize(chunkSize), new ServerStats()));
        return ch;
    }

    @Test
    void aReplyTheSocketTakesAtOnceCrossesTheMarkWithoutPausingReading() {
        EmbeddedChannel ch = smallMarks(100);
        List<boolean[]> seen = probeAfterThrottle(ch);

        ch.writeInbound(Unpooled.wrappedBuffer(new byte[1900]));

        assertThat(seen).as("two 700-byte runs crossed the 600-byte mark, and each one's flush brought it back")
                .extracting(s -> s[0]).containsExactly(false, true, false, true);
        assertThat(seen).as("reading never turned off").allSatisfy(s -> assertThat(s[1]).isTrue());
        assertThat(ConnectionStats.of(ch).readPauses()).isZero();
        assertThat(drainOutbound(ch)).hasSize(1900);
        ch.finishAndReleaseAll();
    }

    @Test
    void readingPausesWhileTheSocketTakesNothingAndResumesWhenItDrains() {
        EmbeddedChannel ch = smallMarks(100);
        FlushGate socket = FlushGate.shutFirstIn(ch);

        ch.writeOneInbound(Unpooled.wrappedBuffer(new byte[2000]));

        ConnectionStats stats = ConnectionStats.of(ch);
        assertThat(ch.isWritable()).isFalse();
        assertThat(ch.config().isAutoRead()).as("paused once the read was handled").isFalse();
        assertThat(stats.readPauses()).isEqualTo(1);
        assertThat(stats.paused()).isTrue();

        socket.open();
        ch.runPendingTasks(); // the decoder's drain hands on the 1,300 bytes it held

        assertThat(ch.config().isAutoRead()).isTrue();
        assertThat(stats.paused()).isFalse();
        assertThat(stats.readPauses()).isEqualTo(1);
        assertThat(drainOutbound(ch)).hasSize(2000);
        ch.finishAndReleaseAll();
    }

    @Test
    void theDecodersDrainPausesReadingWhenItFillsTheQueueAgain() {
        EmbeddedChannel ch = smallMarks(100);
        FlushGate socket = FlushGate.shutFirstIn(ch);
        ch.writeOneInbound(Unpooled.wrappedBuffer(new byte[2000])); // 700 queued, 1,300 held: paused

        // The socket takes the 700: writable, reading resumed; the decoder's drain hands on the next 700, and the
        // socket takes none of it.
        socket.takeOnce();
        ch.runPendingTasks();

        ConnectionStats stats = ConnectionStats.of(ch);
        assertThat(ch.isWritable()).isFalse();
        assertThat(ch.config().isAutoRead()).isFalse();
        assertThat(stats.readPauses()).isEqualTo(2);
        socket.open();
        ch.runPendingTasks();
        assertThat(drainOutbound(ch)).hasSize(2000);
        ch.finishAndReleaseAll();
    }

    /**
     * Netty's epoll transport keeps reading after the peer half-closes, whatever autoRead says, so one
     * read batch can be far above the high mark. The decoder holds what the channel cannot take yet.
     */
    @Test
    void aHugeReadBatchIsHandedOnOnlyAsFastAsTheChannelDrains() {
        ServerConfig config = ServerConfig.loopback();
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.config().setWriteBufferWaterMark(config.waterMark().toNetty());
        ch.pipeline().addLast(new ServerInitializer(config, new ServerStats()));
        byte[] payload = BookPayload.fill(java.nio.ByteBuffer.allocate(1 << 20), 0, 1 << 20).array();

        ch.writeInbound(Unpooled.wrappedBuffer(payload));
        ch.pipeline().fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);
        ch.runPendingTasks();

        byte[] reply = drainOutbound(ch);
        assertThat(reply).hasSize(payload.length);
        assertThat(BookPayload.firstMismatch(reply, reply.length, 0)).isEqualTo(-1);
        assertThat(ConnectionStats.of(ch).peakQueued()).isLessThanOrEqualTo(QueueBound.of(config));
        assertThat(ch.isOpen()).as("closed after the half-close, once everything went out").isFalse();
        ch.finishAndReleaseAll();
    }

    @Test
    void anExceptionInThePipelineClosesOnlyThatConnectionWithItsReason() {
        ServerStats stats = new ServerStats();
        EmbeddedChannel broken = new EmbeddedChannel(new ServerInitializer(ServerConfig.loopback(), stats));
        EmbeddedChannel healthy = new EmbeddedChannel(new ServerInitializer(ServerConfig.loopback(), stats));
        ConnectionStats brokenStats = ConnectionStats.of(broken);
        broken.pipeline().fireExceptionCaught(new IllegalStateException("boom"));
        healthy.writeInbound(Unpooled.copiedBuffer("still here", StandardCharsets.US_ASCII));

        assertThat(broken.isOpen()).isFalse();
        assertThat(brokenStats.closeReason()).isEqualTo(CloseReason.ERROR);
        assertThat(brokenStats.closeDescription()).isEqualTo("error: boom");
        assertThat(healthy.isOpen()).isTrue();
        assertThat(new String(drainOutbound(healthy), StandardCharsets.US_ASCII)).isEqualTo("STILL HERE");
        broken.finishAndReleaseAll();
        healthy.finishAndReleaseAll();
    }

    @Test
    void thePipelineIsNamedInOrderAndItsStatelessHandlersAreSharedByEveryConnection() {
        ServerInitializer initializer = new ServerInitializer(ServerConfig.loopback(), new ServerStats());
        EmbeddedChannel first = new EmbeddedChannel(initializer);
        EmbeddedChannel second = new EmbeddedChannel(initializer);
        assertThat(first.pipeline().names()).containsSubsequence(ServerPipeline.STATS, ServerPipeline.IDLE_REAPER,
                ServerPipeline.PENDING_LIMIT, ServerPipeline.CHUNK_DECODER, ServerPipeline.READ_THROTTLE,
                ServerPipeline.UPPERCASE, ServerPipeline.CLOSER);
        for (String shared : List.of(ServerPipeline.READ_THROTTLE, ServerPipeline.PENDING_LIMIT, ServerPipeline.UPPERCASE,
                ServerPipeline.CLOSER)) {
            assertThat(first.pipeline().get(shared)).as(shared).isSameAs(second.pipeline().get(shared));
        }
        assertThat(first.pipeline().get(ServerPipeline.CHUNK_DECODER)).isNotSameAs(second.pipeline().get(ServerPipeline.CHUNK_DECODER));
        first.finishAndReleaseAll();
        second.finishAndReleaseAll();
    }

    @Test
    void anIdleTimeoutReportedByTheReaperClosesTheConnectionWithThatReason() {
        ServerStats totals = new ServerStats();
        EmbeddedChannel ch = new EmbeddedChannel(new ServerInitializer(ServerConfig.loopback(), totals));
        ConnectionStats stats = ConnectionStats.of(ch);
        ch.pipeline().context(ServerPipeline.IDLE_REAPER).fireUserEventTriggered(ConnectionEvent.IDLE_TIMEOUT);
        assertThat(ch.isOpen()).isFalse();
        assertThat(stats.closeReason()).isEqualTo(CloseReason.IDLE_TIMEOUT);
        assertThat(totals.closed(CloseReason.IDLE_TIMEOUT)).isEqualTo(1);
        assertThat(totals.closed(CloseReason.DONE)).isZero();
        ch.finishAndReleaseAll();
    }

    @Test
    void aConnectionThatEndsNormallyIsCountedDone() {
        ServerStats totals = new ServerStats();
        EmbeddedChannel ch = new EmbeddedChannel(new ServerInitializer(ServerConfig.loopback(), totals));
        ch.writeInbound(Unpooled.copiedBuffer("bye", StandardCharsets.US_ASCII));
        ch.pipeline().fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);
        ch.runPendingTasks();
        assertThat(new String(drainOutbound(ch), StandardCharsets.US_ASCII)).isEqualTo("BYE");
        assertThat(ch.isOpen()).isFalse();
        assertThat(totals.closed(CloseReason.DONE)).isEqualTo(1);
        ch.finishAndReleaseAll();
    }

    @Test
    void withoutBackpressureTheServerKeepsReading() {
        ServerConfig config = ServerConfig.loopback().withChunkSize(100).withBackpressure(false);
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.config().setWriteBufferWaterMark(new WriteBufferWaterMark(300, 600));
        ch.pipeline().addLast(new ServerInitializer(config, new ServerStats()));
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[2000]));
        assertThat(ConnectionStats.of(ch).readPauses()).isZero();
        assertThat(drainOutbound(ch)).hasSize(2000);
        ch.finishAndReleaseAll();
    }

    @Test
    void aConnectionPastMaxPendingIsClosedWithAReason() {
        ServerConfig config = ServerConfig.loopback().withBackpressure(false).withMaxPending(4096);
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.pipeline().addLast(new ServerInitializer(config, new ServerStats()));
        ConnectionStats stats = ConnectionStats.of(ch);
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[10000]));
        assertThat(ch.isOpen()).isFalse();
        assertThat(stats.closeReason()).isEqualTo(CloseReason.PENDING_LIMIT);
        assertThat(stats.closeDescription()).startsWith("pending_limit: outbound buffer ").contains("passed --max-pending 4 KiB");
        ch.finishAndReleaseAll();
    }

    static byte[] runThrough(EmbeddedChannel ch, byte[] payload, long seed) {
        Random random = new Random(seed);
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        int i = 0;
        while (i < payload.length) {
            int n = 1 + random.nextInt(Math.min(payload.length - i, 700));
            // A copy, as a socket read would be: the decoder owns (and may compact) the buffers it is given.
            ch.writeInbound(Unpooled.copiedBuffer(payload, i, n));
            reply.writeBytes(drainOutbound(ch));
            i += n;
        }
        ch.pipeline().fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);
        ch.runPendingTasks();
        reply.writeBytes(drainOutbound(ch));
        assertThat(ch.isOpen()).as("closed after the half-close").isFalse();
        ch.finishAndReleaseAll();
        return reply.toByteArray();
    }

    static byte[] oneShot(byte[] payload, TextCharset charset) {
        ByteBuf out = charset.upperCase(Unpooled.copiedBuffer(payload), io.netty.buffer.ByteBufAllocator.DEFAULT);
        try {
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }
}
