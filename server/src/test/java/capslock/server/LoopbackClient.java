package capslock.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

/** A plain blocking Java client, like the book's: connect, send the book's payload, read and check the reply. */
public final class LoopbackClient {
    private LoopbackClient() {
    }

    public static Socket connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(60_000);
        return socket;
    }

    /** Writes {@code total} bytes of the payload in 64 KiB writes, then half-closes. */
    public static void send(Socket socket, long total) {
        try {
            OutputStream out = socket.getOutputStream();
            ByteBuffer block = ByteBuffer.allocate(64 * 1024);
            for (long sent = 0; sent < total; sent += block.remaining()) {
                BookPayload.fill(block, sent, total - sent);
                out.write(block.array(), 0, block.remaining());
            }
            socket.shutdownOutput();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads until the server closes, checking every byte; returns how many came back. */
    public static long receiveVerified(Socket socket) throws IOException {
        long received = 0;
        byte[] buf = new byte[64 * 1024];
        InputStream in = socket.getInputStream();
        for (int n; (n = in.read(buf)) > 0; received += n) {
            assertThat(BookPayload.firstMismatch(buf, n, received)).as("first wrong byte").isEqualTo(-1);
        }
        return received;
    }

    /** Sends on another thread while this one reads, as a client that reads concurrently; returns bytes received. */
    public static long transfer(Socket socket, long total, Executor executor) throws Exception {
        CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> send(socket, total), executor);
        long received = receiveVerified(socket);
        sender.get(30, TimeUnit.SECONDS);
        return received;
    }

    public static long transfer(Socket socket, long total) throws Exception {
        return transfer(socket, total, ForkJoinPool.commonPool());
    }
}
