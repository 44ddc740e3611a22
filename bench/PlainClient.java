import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A minimal verifying load client with no Netty in it, to check that capslock's own bench client is not
 * what limits a measurement. Per connection: one thread writes a 64 KiB lowercase block over and over,
 * another reads concurrently and compares every byte with the uppercase block; after the time is up the
 * writer half-closes and the reader reads to the end. Prints the payload MB/s (10^6 B) after a 2 s warm-up.
 *   java bench/PlainClient.java HOST PORT CONNECTIONS SECONDS
 */
public class PlainClient {
    static final int BLOCK = 64 * 1024;

    public static void main(String[] args) throws Exception {
        InetSocketAddress server = new InetSocketAddress(args[0], Integer.parseInt(args[1]));
        int connections = Integer.parseInt(args[2]);
        long warmup = 2_000_000_000L, measured = (long) (Double.parseDouble(args[3]) * 1e9);
        byte[] lower = "the quick brown fox jumps over the lazy dog, again and again\n".repeat(BLOCK / 60 + 1)
                .substring(0, BLOCK).getBytes(StandardCharsets.US_ASCII);
        ByteBuffer block = ByteBuffer.allocateDirect(BLOCK).put(lower).flip();
        ByteBuffer expected = ByteBuffer.allocateDirect(BLOCK).put(new String(lower, StandardCharsets.US_ASCII)
                .toUpperCase().getBytes(StandardCharsets.US_ASCII)).flip();
        AtomicLong received = new AtomicLong();
        AtomicReference<String> failure = new AtomicReference<>();
        long start = System.nanoTime(), end = start + warmup + measured;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            SocketChannel ch;
            try {
                ch = SocketChannel.open(server);
            } catch (java.io.IOException e) {
                System.err.println("plain client: cannot connect to " + server + ": " + e.getMessage());
                System.exit(1);
                return;
            }
            threads.add(start(() -> {
                try {
                    while (System.nanoTime() < end) {
                        ch.write(block.duplicate()); // blocking: writes the whole block
                    }
                    ch.shutdownOutput();
                } catch (Exception e) {
                    failure.compareAndSet(null, "write failed: " + e);
                }
            }));
            threads.add(start(() -> {
                ByteBuffer in = ByteBuffer.allocateDirect(BLOCK);
                long offset = 0;
                try {
                    for (int n; (n = ch.read(in.clear())) >= 0; offset += n) {
                        for (int done = 0; done < n; ) { // compare against the block, wrapping at its end
                            int at = (int) ((offset + done) % BLOCK), len = Math.min(n - done, BLOCK - at);
                            if (in.slice(done, len).mismatch(expected.slice(at, len)) != -1) {
                                throw new IllegalStateException("reply differs near byte " + (offset + done));
                            }
                            done += len;
                        }
                        received.addAndGet(n);
                    }
                    ch.close();
                } catch (Exception e) {
                    failure.compareAndSet(null, "read failed: " + e.getMessage());
                }
            }));
        }
        Thread.sleep(warmup / 1_000_000); // pacing the measurement window, as iperf3 -O does
        long from = received.get(), fromTime = System.nanoTime();
        Thread.sleep(Math.max(0, (end - System.nanoTime()) / 1_000_000));
        long to = received.get(), toTime = System.nanoTime();
        for (Thread t : threads) {
            t.join();
        }
        if (failure.get() != null) {
            System.err.println("plain client: " + failure.get());
            System.exit(1);
        }
        System.out.printf("plain client: %d connection(s), %.0f MB/s, %,d bytes verified%n",
                connections, (to - from) / ((toTime - fromTime) / 1e9) / 1e6, received.get());
    }

    static Thread start(Runnable body) {
        Thread t = new Thread(body);
        t.start();
        return t;
    }
}
