package capslock.client;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import java.net.SocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The live state of one transfer. Only the event loop writes it; the progress display reads it from
 * another thread, hence {@code volatile} (single writer, so plain increments are safe).
 */
public final class Transfer {
    private volatile long startNanos = System.nanoTime();
    private final CompletableFuture<Result> result = new CompletableFuture<>();
    private volatile Channel channel;
    private volatile long produced;
    private volatile long written;
    private volatile long received;
    private volatile long peakPayloadQueued;
    private volatile long peakNettyQueued;
    private volatile int writabilityChanges;
    private volatile boolean sendDone;
    private volatile boolean waitingForInput;
    private volatile long endNanos;
    private volatile Snapshot last;

    /** How it ended, and why, in words. */
    record Result(Outcome outcome, String explanation, Snapshot at) {
    }

    /** This end's address, which the server knows the connection by. */
    public SocketAddress localAddress() {
        Channel ch = channel;
        return ch == null ? null : ch.localAddress();
    }

    /** The clock starts when the connection is up, so set-up costs do not count against throughput. */
    void connected() {
        startNanos = System.nanoTime();
    }

    void attach(Channel ch) {
        this.channel = ch;
    }

    void produced(long bytes) {
        produced += bytes;
        long queued = produced - written;
        if (queued > peakPayloadQueued) {
            peakPayloadQueued = queued;
        }
    }

    void written(long bytes) {
        written += bytes;
    }

    void received(long bytes) {
        received += bytes;
    }

    void writabilityChanged() {
        writabilityChanges++;
    }

    void waitingForInput(boolean waiting) {
        waitingForInput = waiting;
    }

    boolean isWaitingForInput() {
        return waitingForInput;
    }

    void sendDone() {
        sendDone = true;
    }

    /** Samples what Netty holds in the outbound buffer and keeps the peak; call on the event loop. */
    long sampleNettyQueued() {
        long queued = nettyQueued();
        if (queued > peakNettyQueued) {
            peakNettyQueued = queued;
        }
        return queued;
    }

    /** What Netty counts in the outbound buffer now; safe from any thread (Netty keeps it in a volatile). */
    long nettyQueued() {
        Channel ch = channel;
        ChannelOutboundBuffer buffer = ch == null ? null : ch.unsafe().outboundBuffer();
        return buffer == null ? 0 : buffer.totalPendingWriteBytes();
    }

    public Snapshot snapshot() {
        Snapshot end = last;
        if (end != null) {
            return end;
        }
        Channel ch = channel;
        return new Snapshot(seconds(), produced, written, produced - written, nettyQueued(), received,
                ch != null && ch.isWritable(), sendDone);
    }

    /** Ends the transfer (the first call wins), explained from the final counters, and closes the connection. */
    void finish(Outcome outcome, Function<Snapshot, String> explain) {
        if (result.isDone()) {
            return;
        }
        Snapshot at = snapshot();
        last = at;
        endNanos = System.nanoTime();
        result.complete(new Result(outcome, explain.apply(at), at));
        Channel ch = channel;
        if (ch != null) {
            ch.close();
        }
    }

    boolean finished() {
        return result.isDone();
    }

    /** Waits up to {@code millis} for the end; true once the transfer has finished. */
    public boolean awaitEnd(long millis) throws InterruptedException {
        try {
            result.get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            // finish() completes normally; nothing else completes the future
        }
        return true;
    }

    CompletableFuture<Result> result() {
        return result;
    }

    /** {@link System#nanoTime()} when the transfer ended; 0 while it runs. */
    public long endNanos() {
        return endNanos;
    }

    double seconds() {
        long end = endNanos;
        return ((end != 0 ? end : System.nanoTime()) - startNanos) / 1e9;
    }

    long produced() {
        return produced;
    }

    long written() {
        return written;
    }

    long received() {
        return received;
    }

    long peakPayloadQueued() {
        return peakPayloadQueued;
    }

    long peakNettyQueued() {
        return peakNettyQueued;
    }

    int writabilityChanges() {
        return writabilityChanges;
    }

    boolean isSendDone() {
        return sendDone;
    }
}
