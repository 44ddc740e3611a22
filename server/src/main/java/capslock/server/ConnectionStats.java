package capslock.server;

import capslock.common.net.Channels;
import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.net.SocketAddress;

/**
 * What one connection has cost and done. Written only by its event loop, read by anyone (metrics, the admin
 * endpoint, tests, the demo): volatile fields with a single writer. Found from its channel with {@link #of}.
 */
public final class ConnectionStats {
    private static final AttributeKey<ConnectionStats> KEY = AttributeKey.valueOf(ConnectionStats.class, "stats");

    private final Channel channel;
    private final SocketAddress peer;
    private final ServerStats totals;
    private final long openedNanos = System.nanoTime();
    private volatile long bytesIn;
    private volatile long bytesOut;
    private volatile long readPauses;
    private volatile long peakQueued;
    private volatile boolean paused;
    private volatile long pausedSince;
    private volatile long pausedNanos;
    private volatile long closedNanos;
    private volatile CloseReason closeReason;
    private volatile String closeDetail;

    ConnectionStats(Channel channel, ServerStats totals) {
        this.channel = channel;
        this.peer = channel.remoteAddress();
        this.totals = totals;
        channel.attr(KEY).set(this);
    }

    /** The stats of a channel the server accepted; null for any other channel. */
    public static ConnectionStats of(Channel channel) {
        return channel.attr(KEY).get();
    }

    void addIn(long n) {
        bytesIn += n;
        totals.bytesIn.add(n);
    }

    void addOut(long n) {
        bytesOut += n;
        totals.bytesOut.add(n);
    }

    void readPaused() {
        if (paused) {
            return;
        }
        readPauses++;
        pausedSince = System.nanoTime();
        paused = true;
        totals.readPauses.increment();
    }

    void readResumed() {
        if (paused) {
            pausedNanos += System.nanoTime() - pausedSince;
            paused = false;
        }
    }

    /** Keeps the peak of the outbound queue, sampled where it is at its fullest (before a flush). */
    void sampleQueue() {
        long queued = Channels.pendingOutboundBytes(channel);
        if (queued > peakQueued) {
            peakQueued = queued;
        }
    }

    /** Why the connection is about to close; the first reason recorded is the one that stands. */
    void closing(CloseReason reason, String detail) {
        if (closeReason == null) {
            closeReason = reason;
            closeDetail = detail;
        }
    }

    void closed() {
        closing(CloseReason.DONE, null);
        closedNanos = System.nanoTime();
    }

    public SocketAddress peer() {
        return peer;
    }

    public long bytesIn() {
        return bytesIn;
    }

    public long bytesOut() {
        return bytesOut;
    }

    /** Times reading was paused for backpressure. */
    public long readPauses() {
        return readPauses;
    }

    /** Whether reading is paused now (the channel is unwritable and backpressure is on). */
    public boolean paused() {
        return paused;
    }

    /** How long reading has been paused in all, up to now. */
    public long pausedNanos() {
        long total = pausedNanos;
        return paused ? total + (System.nanoTime() - pausedSince) : total;
    }

    /** Whether the channel is writable now: its outbound buffer is below the high water mark (or has been drained below the low one). */
    public boolean writable() {
        return channel.isWritable();
    }

    /** Bytes Netty counts in the outbound buffer now (payload plus its per-write overhead); 0 once closed. */
    public long queued() {
        return Channels.pendingOutboundBytes(channel);
    }

    /** The most ever queued in this connection's outbound buffer, sampled before each flush. */
    public long peakQueued() {
        return peakQueued;
    }

    public boolean isOpen() {
        return closedNanos == 0;
    }

    /** Why it closed (or is closing); null while it is open and nothing has been reported. */
    public CloseReason closeReason() {
        return closeReason;
    }

    /** The close line's reason: {@code done}, or the reason and what it says, e.g. {@code error: Connection reset by peer}. */
    public String closeDescription() {
        CloseReason reason = closeReason;
        if (reason == null) {
            return "open";
        }
        String detail = closeDetail;
        return detail == null ? reason.label() : reason.label() + ": " + detail;
    }

    /** Seconds since it was accepted, up to when it closed. */
    public double seconds() {
        long end = closedNanos == 0 ? System.nanoTime() : closedNanos;
        return (end - openedNanos) / 1e9;
    }
}
