package capslock.server;

import static org.assertj.core.api.Assertions.assertThat;

import capslock.common.testing.Eventually;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What hostile and broken clients can cost the server: load, slow and never-reading clients, floods and
 * abrupt disconnects. Each test prints its figure (see docs/RELIABILITY.md). Paranoid leak detection runs
 * throughout; a leak fails the class.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ServerHardeningTest {
    private CapslockServer server;
    private ExecutorService pool;

    @AfterEach
    void stop() {
        if (pool != null) {
            pool.shutdownNow();
        }
        if (server != null) {
            server.close();
        }
    }

    private Socket connect() throws IOException {
        return LoopbackClient.connect(server.port());
    }



    @Test
    void twoHundredFiftySixConcurrentConnectionsAreAllServedIntactWithBoundedQueues() throws Exception {
        server = CapslockServer.start(ServerConfig.loopback());
        pool = Executors.newFixedThreadPool(2 * 256);
        int connections = 256;
        long each = 4L << 20;
        List<Future<Long>> results = new ArrayList<>();
        List<Socket> sockets = new ArrayList<>();
        // Direct memory of Netty's default allocator, sampled: only the server allocates from it (the clients are plain sockets).
        java.util.concurrent.atomic.AtomicLong peakDirect = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> peakDirect.accumulateAndGet(
                ((io.netty.buffer.ByteBufAllocatorMetricProvider) io.netty.buffer.ByteBufAllocator.DEFAULT).metric().usedDirectMemory(),
                Math::max), 0, 10, TimeUnit.MILLISECONDS);
        for (int i = 0; i < connections; i++) {
            Socket socket = connect();
            sockets.add(socket);
            results.add(pool.submit(() -> LoopbackClient.transfer(socket, each, pool)));
        }
        long verified = 0;
        for (Future<Long> result : results) {
            verified += result.get(2, TimeUnit.MINUTES);
        }
        sampler.shutdownNow();
        long peak = 0;
        for (Socket socket : sockets) {
            peak = Math.max(peak, server.stats().find(socket.getLocalSocketAddress()).orElseThrow().peakQueued());
            socket.close();
        }
        System.out.printf("figure: load: %d connections x %d B, %d B verified, highest per-connection queue %d B (bound %d B), "
                + "peak direct memory in Netty's allocator %d MiB%n", connections, each, verified, peak, QueueBound.of(server.config()), peakDirect.get() >> 20);
        assertThat(verified).isEqualTo(connections * each);
        assertThat(peak).isLessThanOrEqualTo(QueueBound.of(server.config()));
    }

    @Test
    void aSlowReaderCostsOnlyItsBoundAndOthersAreServedMeanwhile() throws Exception {
        server = CapslockServer.start(ServerConfig.loopback());
        pool = Executors.newCachedThreadPool();
        try (Socket slow = connect(); Socket other = connect()) {
            // The slow client sends 64 MiB (more than it can ever get back at this pace) ...
            pool.submit(() -> {
                try {
                    LoopbackClient.send(slow, 64L << 20);
                } catch (java.io.UncheckedIOException closedAtTheEnd) {
                    // the test closes the slow client while it is still sending
                }
            });
            // ... and reads 1 KiB every 10 ms, on its own thread: the pacing is the behaviour under test.
            Future<?> slowReader = pool.submit(() -> {
                byte[] kib = new byte[1024];
                try {
                    InputStream in = slow.getInputStream();
                    while (in.read(kib) > 0) {
                        TimeUnit.MILLISECONDS.sleep(10);
                    }
                } catch (IOException | InterruptedException stopped) {
                    // closed by the test
                }
                return null;
            });
            long started = System.nanoTime();
            long received = LoopbackClient.transfer(other, 64L << 20, pool);
            double seconds = (System.nanoTime() - started) / 1e9;
            ConnectionStats slowSide = server.stats().find(slow.getLocalSocketAddress()).orElseThrow();
            System.out.printf("figure: slow reader: queue %d B (bound %d B), read paused %d time(s); meanwhile another client "
                    + "moved 64 MiB in %.2f s%n", slowSide.peakQueued(), QueueBound.of(server.config()), slowSide.readPauses(), seconds);
            assertThat(received).isEqualTo(64L << 20);
            assertThat(slowSide.isOpen()).as("the slow reader is still being served").isTrue();
            assertThat(slowSide.peakQueued()).isLessThanOrEqualTo(QueueBound.of(server.config()));
            assertThat(slowSide.readPauses()).isPositive();
            slow.setSoLinger(true, 0);
            slow.close();
            slowReader.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aClientThatSendsForeverAndNeverReadsIsBoundedThenReaped() throws Exception {
        server = CapslockServer.start(ServerConfig.loopback().withIdleTimeout(Duration.ofSeconds(1)));
        pool = Executors.newCachedThreadPool();
        try (Socket greedy = connect()) {
            Future<Long> sender = pool.submit(() -> {
                byte[] block = new byte[64 * 1024];
                long sent = 0;
                try {
                    OutputStream out = greedy.getOutputStream();
                    while (true) {
                        out.write(block);
                        sent += block.length;
                    }
                } catch (IOException reaped) {
                    return sent;
                }
            });
            long sent = sender.get(30, TimeUnit.SECONDS); // returns once the server has closed the connection
            ConnectionStats stats = server.stats().find(greedy.getLocalSocketAddress()).orElseThrow();
            Eventually.await("the close is recorded", Duration.ofSeconds(10), () -> !stats.isOpen());
            System.out.printf("figure: never-reading client: sent %d B before it was reaped; server queue %d B (bound %d B); %s%n",
                    sent, stats.peakQueued(), QueueBound.of(server.config()), stats.closeDescription());
            assertThat(stats.closeReason()).isEqualTo(CloseReason.IDLE_TIMEOUT);
            assertThat(stats.closeDescription()).isEqualTo("idle_timeout: no byte moved either way for 1s (--idle-timeout)");
            assertThat(stats.peakQueued()).isLessThanOrEqualTo(QueueBound.of(server.config()));
            assertThat(server.stats().closed(CloseReason.IDLE_TIMEOUT)).isEqualTo(1);
        }
    }

    @Test
    void aFloodOfConnectionsIsCappedAndANormalClientIsServedAfterwards() throws Exception {
        int limit = 1000;
        int flood = 5000;
        server = CapslockServer.start(ServerConfig.loopback().withMaxConnections(limit));
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < flood; i++) {
                sockets.add(connect());
            }
            Eventually.await("all " + flood + " connections admitted or refused", Duration.ofSeconds(30),
                    () -> server.connectionLimit().open() + server.connectionLimit().refused() == flood);
            System.out.printf("figure: flood: %d connections opened, %d held, %d refused at --max-connections %d%n",
                    flood, server.connectionLimit().open(), server.connectionLimit().refused(), limit);
            assertThat(server.connectionLimit().open()).isEqualTo(limit);
            assertThat(server.connectionLimit().refused()).isEqualTo(flood - limit);
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        Eventually.await("the flood's connections are closed", Duration.ofSeconds(30), () -> server.connectionLimit().open() == 0);
        assertThat(bookRoundTrip()).isEqualTo("CAPITALIZE THIS!CAPITALIZE THIS!");
    }

    @Test
    void aThousandAbruptDisconnectsMidTransferLeaveTheServerHealthy() throws Exception {
        server = CapslockServer.start(ServerConfig.loopback());
        pool = Executors.newFixedThreadPool(32);
        int clients = 1000;
        List<Future<?>> runs = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            runs.add(pool.submit(() -> {
                try (Socket socket = connect()) {
                    byte[] block = new byte[64 * 1024];
                    for (int k = 0; k < 4; k++) {
                        socket.getOutputStream().write(block);
                    }
                    socket.setSoLinger(true, 0); // close with RST, mid-transfer
                }
                return null;
            }));
        }
        for (Future<?> run : runs) {
            run.get(1, TimeUnit.MINUTES);
        }
        Eventually.await("every aborted connection is closed", Duration.ofSeconds(30), () -> server.connectionLimit().open() == 0);
        System.out.printf("figure: abrupt disconnects: %d clients reset mid-transfer; %d connections left open%n",
                clients, server.connectionLimit().open());
        assertThat(server.stats().accepted()).isEqualTo(clients);
        assertThat(bookRoundTrip()).isEqualTo("CAPITALIZE THIS!CAPITALIZE THIS!");
    }

    private String bookRoundTrip() throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().write("capitalize this!capitalize this!".getBytes(StandardCharsets.US_ASCII));
            socket.shutdownOutput();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
