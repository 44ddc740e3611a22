package capslock.server;

import java.net.SocketAddress;

/**
 * What one connection has cost and done. Written only by its event loop, read by anyone
 * (metrics, tests, the demo), hence volatile fields with a single writer.
 */
public final class ConnectionStats {
    private final SocketAddress peer;
    private final long openedNanos = System.nanoTime();
    private volatile long bytesIn;
    private volatile long bytesOut;
    private volatile long readPauses;
    private volatile long queued;
    private volatile long peakQueued;
    private volatile boolean paused;
    private volatile long closedNanos;
    private volatile String closeReason;

    private final ServerStats totals;

    public ConnectionStats(SocketAddress peer, ServerStats totals) {
        this.peer = peer;
        this.totals = totals;
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
        readPauses++;
        paused = true;
        totals.readPauses.increment();
    }

    void readResumed() {
        paused = false;
    }

    void queued(long bytes) {
        queued = bytes;
        if (bytes > peakQueued) {
            peakQueued = bytes;
        }
    }

    void closed(String reason) {
        closedNanos = System.nanoTime();
        if (closeReason == null) {
            closeReason = reason;
        }
    }

    void reason(String reason) {
        if (closeReason == null) {
            closeReason = reason;
        }
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

    public long readPauses() {
        return readPauses;
    }

    public boolean paused() {
        return paused;
    }

    /** Bytes Netty counted in the outbound buffer when last sampled (payload plus per-write overhead). */
    public long queued() {
        return queued;
    }

    /** The most ever queued in this connection's outbound buffer, sampled before each flush. */
    public long peakQueued() {
        return peakQueued;
    }

    public boolean isOpen() {
        return closedNanos == 0;
    }

    public String closeReason() {
        return closeReason;
    }

    public double seconds() {
        long end = closedNanos == 0 ? System.nanoTime() : closedNanos;
        return (end - openedNanos) / 1e9;
    }
}
