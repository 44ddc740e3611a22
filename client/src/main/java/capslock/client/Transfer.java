package capslock.client;

import capslock.common.net.Channels;
import io.netty.channel.Channel;
import java.net.SocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The live state of one transfer. Only the event loop writes it; the progress display and other watchers read it
 * from other threads, hence {@code volatile} (a single writer, so plain increments are safe). Per-interval figures
 * ({@link #sample()}) and byte latency are the event loop's alone.
 */
public final class Transfer {
    private volatile long startNanos = System.nanoTime();
    private final CompletableFuture<Result> result = new CompletableFuture<>();
    private final ByteLatency latency;
    private volatile Channel channel;
    private volatile long produced;
    private volatile long written;
    private volatile long received;
    private volatile long peakPayloadQueued;
    private volatile long peakNettyQueued;
    private volatile int writabilityChanges;
    private volatile boolean sendDone;
    private volatile boolean writerIdle;
    private volatile boolean readerIdle;
    private volatile long endNanos;
    private volatile Snapshot last;
    private volatile Snapshot lastSample;
    // the current interval, event loop only
    private long intervalPeakQueued;
    private long intervalUnwritableNanos;
    private int intervalChanges;
    private long unwritableSince;
    private long intervalStart = System.nanoTime();

    /** How it ended, and why, in words. */
    public record Result(Outcome outcome, String explanation, Snapshot at) {
    }

    Transfer(boolean measureLatency) {
        this.latency = measureLatency ? new ByteLatency() : null;
    }

    /** This end's address, which the server knows the connection by. */
    public SocketAddress localAddress() {
        Channel ch = channel;
        return ch == null ? null : ch.localAddress();
    }

    /** The clock starts when the connection is up, so that set-up costs do not count against throughput. */
    void connected() {
        startNanos = System.nanoTime();
        intervalStart = startNanos;
    }

    long startNanos() {
        return startNanos;
    }

    void attach(Channel ch) {
        this.channel = ch;
    }

    /** Byte latency, or null when it is not measured (UTF-8 mode). */
    ByteLatency latency() {
        return latency;
    }

    void produced(long bytes) {
        produced += bytes;
        long queued = produced - written;
        if (queued > peakPayloadQueued) {
            peakPayloadQueued = queued;
        }
        if (queued > intervalPeakQueued) {
            intervalPeakQueued = queued;
        }
    }

    void written(long bytes) {
        written += bytes;
    }

    void received(long bytes) {
        received += bytes;
        if (latency != null) {
            latency.received(received, System.nanoTime());
        }
    }

    void writabilityChanged(boolean writable) {
        writabilityChanges++;
        intervalChanges++;
        long now = System.nanoTime();
        if (!writable) {
            unwritableSince = now;
        } else if (unwritableSince != 0) {
            intervalUnwritableNanos += now - Math.max(unwritableSince, intervalStart);
            unwritableSince = 0;
        }
    }

    /**
     * Whether the writer has nothing to send right now by its own choice: its input has no bytes yet (a pipe), or its
     * next write is not yet due on the schedule ({@code --rate}). It is then waiting for no one, and a quiet wire is
     * not a stall.
     */
    void writerIdle(boolean idle) {
        writerIdle = idle;
    }

    boolean isWriterIdle() {
        return writerIdle;
    }

    /**
     * Whether the reader holds reading off by its own choice, keeping to its read rate ({@code --read-rate}): then
     * replies not arriving, and a writer the server no longer reads from, wait for this client, not for the server.
     */
    void readerIdle(boolean idle) {
        readerIdle = idle;
    }

    boolean isReaderIdle() {
        return readerIdle;
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

    /** What Netty counts in the outbound buffer now; safe from any thread. */
    long nettyQueued() {
        Channel ch = channel;
        return ch == null ? 0 : Channels.pendingOutboundBytes(ch);
    }

    /** The counters now, from any thread; the interval figures are those of a moment (no peak, no latency). */
    public Snapshot snapshot() {
        Snapshot end = last;
        if (end != null) {
            return end;
        }
        Channel ch = channel;
        long queued = produced - written;
        return new Snapshot(seconds(), produced, written, queued, nettyQueued(), received, ch != null && writable(ch),
                sendDone, queued, 0, 0, Double.NaN, Double.NaN, 0);
    }

    /** The latest sample the monitor took (or the final state once ended), for watchers on other threads. */
    public Snapshot lastSample() {
        Snapshot end = last;
        if (end != null) {
            return end;
        }
        Snapshot sample = lastSample;
        return sample != null ? sample : snapshot();
    }

    /**
     * Whether nothing holds the writer back: the channel takes writes, or everything has been sent. (Once the output
     * is shut down Netty calls the channel unwritable, having dropped its outbound buffer; that is not backpressure.)
     */
    private boolean writable(Channel ch) {
        return sendDone || ch.isWritable();
    }

    /** The counters now and what happened since the previous sample, which this starts anew; event loop only. */
    Snapshot sample() {
        long now = System.nanoTime();
        Channel ch = channel;
        boolean writable = ch == null || writable(ch);
        long unwritable = intervalUnwritableNanos + (unwritableSince != 0 ? now - Math.max(unwritableSince, intervalStart) : 0);
        double p50 = Double.NaN;
        double max = Double.NaN;
        double oldest = 0;
        if (latency != null) {
            ByteLatency.Interval interval = latency.takeInterval();
            if (interval.marks() > 0) {
                p50 = interval.p50Nanos() / 1e6;
                max = interval.maxNanos() / 1e6;
            }
            oldest = latency.oldestUnansweredNanos(now) / 1e6;
        }
        long queued = produced - written;
        Snapshot s = new Snapshot((now - startNanos) / 1e9, produced, written, queued, nettyQueued(), received, writable,
                sendDone, Math.max(queued, intervalPeakQueued), Math.min(unwritable, now - intervalStart) / 1e9,
                intervalChanges, p50, max, oldest);
        intervalPeakQueued = queued;
        intervalUnwritableNanos = 0;
        intervalChanges = 0;
        intervalStart = now;
        lastSample = s;
        return s;
    }

    /** Ends the transfer (the first call wins), explained from a last sample, and closes the connection; event loop only. */
    void finish(Outcome outcome, Function<Snapshot, String> explain) {
        if (result.isDone()) {
            return;
        }
        Snapshot at = sample();
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

    /** Runs {@code task} on the transfer's event loop (or not at all once the channel is gone). */
    void onEventLoop(Runnable task) {
        Channel ch = channel;
        if (ch != null && ch.isRegistered()) {
            ch.eventLoop().execute(task);
        }
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
