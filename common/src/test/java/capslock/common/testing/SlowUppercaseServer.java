package capslock.common.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An uppercase server on a loopback port that is slow on purpose, for latency tests: it holds every reply for
 * {@code replyDelay} before writing it (each chunk in the order read), and, once it has read {@code pauseAfter}
 * bytes of a connection, stops reading it for {@code pause}. Small socket buffers ({@code socketBuffer}) keep what
 * waits in the kernels small. Speaks the protocol: after the client's half-close it writes what it owes and closes.
 * One connection at a time; {@link #received()} counts every byte read.
 */
public final class SlowUppercaseServer implements AutoCloseable {
    private static final byte[] END = new byte[0];
    private final ServerSocket socket;
    private final Duration replyDelay;
    private final long pauseAfter;
    private final Duration pause;
    private final int socketBuffer;
    private final AtomicLong received = new AtomicLong();

    public SlowUppercaseServer(Duration replyDelay, long pauseAfter, Duration pause, int socketBuffer) throws IOException {
        this.replyDelay = replyDelay;
        this.pauseAfter = pauseAfter;
        this.pause = pause;
        this.socketBuffer = socketBuffer;
        socket = new ServerSocket();
        if (socketBuffer > 0) {
            socket.setReceiveBufferSize(socketBuffer); // before bind: the window is agreed in the handshake
        }
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread acceptor = new Thread(this::serveEach, "slow-uppercase");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Holds every reply for {@code delay}; never pauses. */
    public static SlowUppercaseServer delaying(Duration delay) throws IOException {
        return new SlowUppercaseServer(delay, Long.MAX_VALUE, Duration.ZERO, 0);
    }

    /** Replies at once, but stops reading for {@code pause} after {@code after} bytes; 64 KiB socket buffers. */
    public static SlowUppercaseServer pausing(long after, Duration pause) throws IOException {
        return new SlowUppercaseServer(Duration.ZERO, after, pause, 64 * 1024);
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Bytes read so far, over every connection. */
    public long received() {
        return received.get();
    }

    private void serveEach() {
        while (!socket.isClosed()) {
            try (Socket connection = socket.accept()) {
                if (socketBuffer > 0) {
                    connection.setSendBufferSize(socketBuffer);
                }
                connection.setTcpNoDelay(true);
                serve(connection);
            } catch (IOException | InterruptedException closedOrReset) {
                // the next connection, or the end when the server socket is closed
            }
        }
    }

    private void serve(Socket connection) throws IOException, InterruptedException {
        BlockingQueue<Object[]> replies = new LinkedBlockingQueue<>();
        Thread writer = new Thread(() -> write(connection, replies), "slow-uppercase-writer");
        writer.start();
        InputStream in = connection.getInputStream();
        byte[] buf = new byte[16 * 1024];
        long read = 0;
        boolean paused = false;
        for (int n; (n = in.read(buf)) >= 0; ) {
            byte[] reply = new byte[n];
            for (int i = 0; i < n; i++) {
                byte b = buf[i];
                reply[i] = b >= 'a' && b <= 'z' ? (byte) (b - 32) : b;
            }
            received.addAndGet(n);
            replies.put(new Object[] {System.nanoTime() + replyDelay.toNanos(), reply});
            read += n;
            if (!paused && read >= pauseAfter) {
                paused = true;
                Thread.sleep(pause.toMillis());
            }
        }
        replies.put(new Object[] {0L, END});
        writer.join();
    }

    private static void write(Socket connection, BlockingQueue<Object[]> replies) {
        try {
            OutputStream out = connection.getOutputStream();
            while (true) {
                Object[] next = replies.take();
                byte[] reply = (byte[]) next[1];
                if (reply == END) {
                    connection.shutdownOutput();
                    return;
                }
                long wait = (long) next[0] - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                out.write(reply);
            }
        } catch (IOException | InterruptedException e) {
            // the client went away
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
