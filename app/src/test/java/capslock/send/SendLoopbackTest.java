package capslock.send;

import capslock.client.*;

import static org.assertj.core.api.Assertions.assertThat;

import capslock.server.CapslockServer;
import capslock.server.ConnectionStats;
import capslock.server.ServerConfig;
import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The four writer × reader combinations against the real server on a loopback port. Socket buffers are
 * pinned to 64 KiB on both sides where a test needs a stall: Linux would otherwise grow loopback buffers
 * to several MiB (tcp_wmem 4 MiB, tcp_rmem 32 MiB here), and the payloads would have to be huge.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SendLoopbackTest {
    private static final int SMALL_BUFFER = 64 * 1024;
    private static final int HIGH_MARK = 64 * 1024;
    private static final Duration STALL = Duration.ofSeconds(1);

    private CapslockServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private SendConfig start(ServerConfig serverConfig) {
        server = CapslockServer.start(serverConfig);
        return SendConfig.loopback(server.port()).withStallTimeout(STALL);
    }

    private static SendSummary send(SendConfig config, long bytes) throws InterruptedException {
        return SendClient.start(config, new BookPayload(bytes), null, s -> { }).await();
    }

    @Test
    void theBooksClientStallsAndTheDiagnosisNamesTheQueuedBytes() throws Exception {
        SendConfig config = start(ServerConfig.loopback().withSocketBuffers(SMALL_BUFFER, SMALL_BUFFER))
                .with(WriterKind.NAIVE, ReaderKind.AFTER).withSocketBuffers(SMALL_BUFFER, SMALL_BUFFER).withWriteSize(1024);
        long payload = 4L << 20; // many times the 4 × 64 KiB of socket buffers, well within --max-pending
        List<Snapshot> samples = new CopyOnWriteArrayList<>();
        SendSummary summary = SendClient.start(config, new BookPayload(payload), null, samples::add).await();

        assertThat(summary.exitCode()).as(summary.toText()).isEqualTo(3);
        assertThat(summary.outcome()).isEqualTo(Outcome.STALLED);
        assertThat(summary.received()).isZero();
        assertThat(summary.written()).isLessThan(payload);
        long queued = summary.produced() - summary.written();
        assertThat(queued).isPositive();
        assertThat(summary.explanation())
                .contains("queued in client")
                .contains(capslock.common.Sizes.grouped(queued) + " B of payload")
                .contains("the server has stopped reading")
                .contains("--reader concurrent");
        // The detector's promise: stopped within the stall timeout (+ 2 s slack) of the last byte that moved.
        Snapshot last = samples.get(samples.size() - 1);
        double lastMoved = samples.stream()
                .filter(s -> s.written() == last.written() && s.received() == last.received())
                .mapToDouble(Snapshot::seconds).min().orElseThrow();
        assertThat(summary.seconds() - lastMoved).isLessThanOrEqualTo(STALL.toSeconds() + 2.0);
    }

    /**
     * A full 1 GiB, in 64 KiB writes: under paranoid leak detection every buffer is
     * tracked, and 16-byte writes (67 million buffers) would take many minutes; 64 KiB writes take seconds.
     */
    @Test
    void theBackpressureClientSendsAGibibyteWithBoundedMemory() throws Exception {
        int writeSize = 64 * 1024;
        SendConfig config = start(ServerConfig.loopback()).withWriteSize(writeSize);
        SendSummary summary = send(config, 1L << 30);

        assertThat(summary.exitCode()).as(summary.toText()).isZero();
        assertThat(summary.received()).isEqualTo(1L << 30);
        assertThat(summary.peakQueuedPayload()).isLessThanOrEqualTo(HIGH_MARK + writeSize);
    }

    @Test
    void ignoringWritabilityCompletesButQueuesFarAboveTheHighMark() throws Exception {
        SendConfig config = start(ServerConfig.loopback()).with(WriterKind.NAIVE, ReaderKind.CONCURRENT).withWriteSize(1024);
        SendSummary summary = send(config, 32L << 20);

        assertThat(summary.exitCode()).as(summary.toText()).isZero();
        assertThat(summary.received()).isEqualTo(32L << 20);
        assertThat(summary.peakQueuedPayload()).isGreaterThan(4L * HIGH_MARK);
    }

    /**
     * A writer waiting for its schedule is idle by its own choice, as one waiting for its input is: nothing is owed,
     * so a gap between writes longer than the stall timeout is not a stall.
     */
    @Test
    void aPacedWriterWaitingForItsNextWriteLongerThanTheStallTimeoutCompletes() throws Exception {
        int writeSize = 16 * 1024;
        // 8 KiB/s: the second write is due 2 s after the first, twice the stall timeout.
        SendConfig config = start(ServerConfig.loopback()).withWriteSize(writeSize).withSendRate(8 * 1024);
        SendSummary summary = send(config, 2L * writeSize);

        assertThat(summary.outcome()).as(summary.toText()).isEqualTo(Outcome.COMPLETED);
        assertThat(summary.exitCode()).isZero();
        assertThat(summary.received()).isEqualTo(2L * writeSize);
        assertThat(summary.seconds()).as("the second write waited for its schedule").isGreaterThanOrEqualTo(1.9);
        assertThat(summary.toText()).as("a rate that MB/s would round to 0.0")
                .containsPattern("  sent / received     32,768 B / 32,768 B in [0-9.]+ s = [0-9.]+ kB/s\\n");
    }

    /**
     * A slow reader holding reading off to keep to its rate is idle by its own choice: each read here (2 KiB at first,
     * Netty's first guess) is followed by a wait of two seconds at 1,000 B/s, twice the stall timeout.
     */
    @Test
    void aSlowReaderWaitingLongerThanTheStallTimeoutBetweenReadsCompletes() throws Exception {
        SendConfig config = start(ServerConfig.loopback()).withWriteSize(1024).withReadRate(1000);
        SendSummary summary = send(config, 4096);

        assertThat(summary.outcome()).as(summary.toText()).isEqualTo(Outcome.COMPLETED);
        assertThat(summary.received()).isEqualTo(4096);
    }

    /**
     * Between its paced writes the book's client waits for its schedule, but its queue grows behind a full socket:
     * that is the deadlock, found within the stall timeout, long before the writer would have produced everything.
     */
    @Test
    void thePacedBooksClientStillStallsWhileItWaitsForItsSchedule() throws Exception {
        SendConfig config = start(ServerConfig.loopback().withSocketBuffers(SMALL_BUFFER, SMALL_BUFFER))
                .with(WriterKind.NAIVE, ReaderKind.AFTER).withSocketBuffers(SMALL_BUFFER, SMALL_BUFFER).withWriteSize(1024)
                .withSendRate(1_000_000);
        long payload = 32L << 20; // 33 s of writes at 1 MB/s; the socket buffers fill within half a second
        SendSummary summary = send(config, payload);

        assertThat(summary.outcome()).as(summary.toText()).isEqualTo(Outcome.STALLED);
        assertThat(summary.produced()).as("stopped while the writer was still producing").isLessThan(payload);
        assertThat(summary.explanation()).contains("the book's TCP deadlock");
    }

    @Test
    void aWatermarkWriterThatReadsAfterStallsWithBoundedMemory() throws Exception {
        int writeSize = 1024;
        SendConfig config = start(ServerConfig.loopback().withSocketBuffers(SMALL_BUFFER, SMALL_BUFFER))
                .with(WriterKind.WATERMARK, ReaderKind.AFTER).withSocketBuffers(SMALL_BUFFER, SMALL_BUFFER)
                .withWriteSize(writeSize);
        SendSummary summary = send(config, 4L << 20);

        assertThat(summary.exitCode()).as(summary.toText()).isEqualTo(3);
        assertThat(summary.peakQueuedPayload()).isLessThanOrEqualTo(HIGH_MARK + writeSize);
        assertThat(summary.explanation()).contains("watermark writer stopped producing");
    }

    @Test
    void aServerWithoutBackpressureAbsorbsTheBooksClientInItsOwnMemory() throws Exception {
        SendConfig config = start(ServerConfig.loopback().withBackpressure(false).withSocketBuffers(SMALL_BUFFER, SMALL_BUFFER))
                .with(WriterKind.NAIVE, ReaderKind.AFTER).withSocketBuffers(SMALL_BUFFER, SMALL_BUFFER).withWriteSize(1024);
        long payload = 8L << 20;
        List<Snapshot> samples = new CopyOnWriteArrayList<>();
        SendClient client = SendClient.start(config, new BookPayload(payload), null, samples::add);
        SocketAddress local = client.transfer().localAddress();
        SendSummary summary = client.await();

        assertThat(summary.exitCode()).as(summary.toText()).isZero();
        assertThat(summary.received()).isEqualTo(payload);
        assertThat(samples).as("samples while the replies come in, after everything was sent")
                .filteredOn(Snapshot::sendDone).isNotEmpty()
                .allSatisfy(s -> assertThat(s.writable()).as("a client that has sent everything is not held back").isTrue());
        ConnectionStats serverSide = server.stats().find(local).orElseThrow();
        assertThat(serverSide.peakQueued()).as("bytes the server queued for this client").isGreaterThan(payload / 2);
    }

    @Test
    void aServerThatStopsReadingIsDiagnosedWithTheBytesOutstanding() throws Exception {
        try (ServerSocket silent = new ServerSocket()) {
            silent.setReceiveBufferSize(SMALL_BUFFER);
            silent.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            SendConfig config = SendConfig.loopback(silent.getLocalPort()).withStallTimeout(STALL)
                    .withSocketBuffers(SMALL_BUFFER, SMALL_BUFFER).withWriteSize(64 * 1024);
            SendSummary summary = send(config, 64L << 20);

            assertThat(summary.exitCode()).as(summary.toText()).isEqualTo(3);
            assertThat(summary.received()).isZero();
            assertThat(summary.explanation())
                    .contains(capslock.common.Sizes.grouped(summary.written()) + " B written have not come back")
                    .contains("not reading")
                    .contains("TCP itself is backing off");
        }
    }

    /**
     * A server that reads everything and answers nothing (a sink on the wrong port) keeps the wire moving one way, so
     * "nothing moved" never comes; bytes owed and no reply for the stall timeout does. The same for a paced writer,
     * whose gaps between writes are idle by its own choice.
     */
    @ParameterizedTest(name = "rate {0} B/s")
    @ValueSource(longs = {0, 256 * 1024})
    void aServerThatReadsWithoutAnsweringIsFoundWithinTheStallTimeout(long rate) throws Exception {
        try (ServerSocket sink = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread reader = new Thread(() -> {
                try (Socket connection = sink.accept()) {
                    connection.getInputStream().transferTo(OutputStream.nullOutputStream());
                } catch (IOException closed) {
                    // the client went away: the test is over
                }
            }, "sink");
            reader.setDaemon(true);
            reader.start();
            SendConfig config = SendConfig.loopback(sink.getLocalPort()).withStallTimeout(STALL).withWriteSize(16 * 1024)
                    .withSendRate(rate);
            long payload = 16L << 30; // hours at 256 KiB/s, and unpaced well over the stall timeout: a sink reads fast
            SendSummary summary = send(config, payload);
            reader.join(10_000);

            assertThat(summary.outcome()).as(summary.toText()).isEqualTo(Outcome.STALLED);
            assertThat(summary.exitCode()).isEqualTo(3);
            assertThat(summary.received()).isZero();
            assertThat(summary.produced()).as("stopped long before the payload's end").isLessThan(payload / 4);
            assertThat(summary.seconds()).as("within the stall timeout, plus slack").isLessThan(STALL.toSeconds() + 5.0);
            assertThat(summary.explanation())
                    .startsWith("stalled: no reply for ")
                    .contains("while this client went on writing")
                    .contains(capslock.common.Sizes.grouped(summary.written()) + " B written have not come back")
                    .contains("reads without answering");
        }
    }

    @Test
    void transfersOnACallersEventLoopsCompleteAndLeaveThemToTheCaller() throws Exception {
        SendConfig config = start(ServerConfig.loopback());
        EventLoopGroup loops = config.transport().resolve().newGroup(1, "capslock-test-shared");
        try {
            long payload = 4L << 20;
            SendClient first = SendClient.start(config, new BookPayload(payload), null, s -> { }, true, loops);
            SendClient second = SendClient.start(config, new BookPayload(payload), null, s -> { }, true, loops);
            SendSummary firstSummary = first.await();
            SendSummary secondSummary = second.await();

            assertThat(firstSummary.exitCode()).as(firstSummary.toText()).isZero();
            assertThat(secondSummary.exitCode()).as(secondSummary.toText()).isZero();
            assertThat(firstSummary.received()).isEqualTo(payload);
            assertThat(secondSummary.received()).isEqualTo(payload);
            assertThat(loops.isShuttingDown()).as("await() shut down a group it does not own").isFalse();
            SendSummary third = send(config, loops, payload);
            assertThat(third.exitCode()).as(third.toText()).isZero();
        } finally {
            loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
        }
    }

    private static SendSummary send(SendConfig config, EventLoopGroup loops, long bytes) throws InterruptedException {
        return SendClient.start(config, new BookPayload(bytes), null, s -> { }, true, loops).await();
    }
}
