package capslock.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import capslock.common.cli.CapslockException;
import capslock.common.net.Transport;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The real server on a loopback port, against plain blocking and non-blocking Java sockets like the book's client. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ServerLoopbackTest {
    private static final int SMALL_BUFFER = 64 * 1024;
    private CapslockServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private Socket connect() throws Exception {
        return LoopbackClient.connect(server.port());
    }

    @Test
    void thirtyTwoBytesComeBackUppercasedAndTheServerCloses() throws Exception {
        server = CapslockServer.start(ServerConfig.loopback());
        try (Socket socket = connect()) {
            socket.getOutputStream().write("capitalize this!capitalize this!".getBytes(StandardCharsets.US_ASCII));
            socket.shutdownOutput();
            byte[] reply = socket.getInputStream().readAllBytes(); // returns only once the server has closed
            assertThat(new String(reply, StandardCharsets.US_ASCII)).isEqualTo("CAPITALIZE THIS!CAPITALIZE THIS!");
        }
    }

    /** {@code --io-threads 1}: one event loop serves every connection, each transfer interleaved with the others. */
    @Test
    void oneIoThreadServesSeveralConnectionsAtOnce() throws Exception {
        server = CapslockServer.start(ServerConfig.loopback().withIoThreads(1));
        assertThat(server.ioThreads()).isEqualTo(1);
        java.util.List<Socket> sockets = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                sockets.add(connect());
            }
            for (int round = 0; round < 3; round++) {
                for (Socket socket : sockets) {
                    socket.getOutputStream().write(("connection " + sockets.indexOf(socket) + " round " + round)
                            .getBytes(StandardCharsets.US_ASCII));
                }
                for (Socket socket : sockets) {
                    String expected = "CONNECTION " + sockets.indexOf(socket) + " ROUND " + round;
                    byte[] reply = socket.getInputStream().readNBytes(expected.length());
                    assertThat(new String(reply, StandardCharsets.US_ASCII)).isEqualTo(expected);
                }
            }
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    /**
     * Sends while another thread reads, then half-closes. A full 1 GiB: under paranoid
     * leak detection every buffer access records a stack trace, but the uppercasing touches each chunk once
     * (through one NIO view), so this runs in about 20 s on a 2-core machine.
     */
    @Test
    void aGibibyteSentWhileReadingComesBackIntactAndInOrder() throws Exception {
        server = CapslockServer.start(ServerConfig.loopback());
        long total = 1L << 30;
        try (Socket socket = connect()) {
            assertThat(LoopbackClient.transfer(socket, total)).isEqualTo(total);
            // Also at the end, when epoll drains the socket after the half-close whatever autoRead says.
            ServerConfig config = server.config();
            long bound = QueueBound.of(config);
            assertThat(server.stats().find(socket.getLocalSocketAddress()).orElseThrow().peakQueued()).isLessThanOrEqualTo(bound);
        }
    }

    /**
     * NIO (what AUTO picks) and io_uring, many times over: the server writes after the client's half-close (what it
     * held back while the client read slowly), which is exactly where Netty 4.2.18's epoll loses replies, and why
     * AUTO never picks epoll. Intact replies and the queue bound, every time.
     */
    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"NIO", "IO_URING"})
    void everyTransferIsIntactOnNioAndIoUring(Transport transport) throws Exception {
        assumeTrue(transport != Transport.IO_URING || io.netty.channel.uring.IoUring.isAvailable(), "io_uring unavailable");
        server = CapslockServer.start(ServerConfig.loopback().withTransport(transport));
        ServerConfig config = server.config();
        long bound = QueueBound.of(config);
        long total = 8L << 20;
        for (int round = 0; round < 10; round++) {
            try (Socket socket = connect()) {
                assertThat(LoopbackClient.transfer(socket, total)).as("round " + round).isEqualTo(total);
                assertThat(server.stats().find(socket.getLocalSocketAddress()).orElseThrow().peakQueued()).isLessThanOrEqualTo(bound);
            }
        }
    }


    @Test
    void theBooksClientShapeStallsWithBoundedServerMemoryAndRecoversWhenItReads() throws Exception {
        server = CapslockServer.start(ServerConfig.loopback().withSocketBuffers(SMALL_BUFFER, SMALL_BUFFER));
        long total = 64L << 20;
        try (SocketChannel client = SocketChannel.open(); Selector selector = Selector.open()) {
            client.setOption(StandardSocketOptions.SO_RCVBUF, SMALL_BUFFER);
            client.setOption(StandardSocketOptions.SO_SNDBUF, SMALL_BUFFER);
            client.connect(new InetSocketAddress("127.0.0.1", server.port()));
            client.configureBlocking(false);
            SelectionKey key = client.register(selector, SelectionKey.OP_WRITE);

            // Phase 1, the book's client: write everything, read nothing — until the socket takes no more.
            ByteBuffer block = ByteBuffer.allocate(64 * 1024);
            long sent = 0;
            ConnectionStats conn = null;
            while (sent < total) {
                int n = client.write(BookPayload.fill(block, sent, total - sent));
                sent += n;
                if (n == 0 && selector.select(1000) == 0) {
                    conn = server.stats().find(client.getLocalAddress()).orElseThrow();
                    if (conn.paused()) {
                        break; // nothing could be written for a second and the server has stopped reading: stalled
                    }
                }
                selector.selectedKeys().clear();
            }
            assertThat(sent).as("stalled long before the end").isLessThan(total / 4);
            assertThat(conn).isNotNull();

            // While it is stalled, the server holds at most the high water mark plus one read's worth for it.
            int high = server.config().waterMark().high();
            int oneRead = 64 * 1024;
            long perWriteOverhead = 96L * (oneRead / server.config().chunkSize() + 1);
            assertThat(conn.peakQueued()).isLessThanOrEqualTo(high + oneRead + perWriteOverhead);

            // ...and another client is served meanwhile.
            try (Socket other = connect()) {
                other.getOutputStream().write("capitalize this!".getBytes(StandardCharsets.US_ASCII));
                other.shutdownOutput();
                assertThat(new String(other.getInputStream().readAllBytes(), StandardCharsets.US_ASCII))
                        .isEqualTo("CAPITALIZE THIS!");
            }

            // Phase 2: the stalled client starts reading; everything completes, intact.
            key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            ByteBuffer in = ByteBuffer.allocate(64 * 1024);
            long received = 0;
            boolean outputShut = false;
            while (true) {
                selector.select(10_000);
                selector.selectedKeys().clear();
                if (sent < total) {
                    sent += client.write(BookPayload.fill(block, sent, total - sent));
                } else if (!outputShut) {
                    client.shutdownOutput();
                    outputShut = true;
                    key.interestOps(SelectionKey.OP_READ);
                }
                in.clear();
                int n = client.read(in);
                if (n < 0) {
                    break;
                }
                assertThat(BookPayload.firstMismatch(in.array(), n, received)).isEqualTo(-1);
                received += n;
            }
            assertThat(received).isEqualTo(total);
        }
    }

    @Test
    void aPortInUseIsAOneLineError() {
        server = CapslockServer.start(ServerConfig.loopback());
        assertThatThrownBy(() -> CapslockServer.start(ServerConfig.loopback().withPort(server.port())))
                .isInstanceOf(CapslockException.class)
                .hasMessageContaining("cannot listen on 127.0.0.1:" + server.port());
    }
}
