package capslock.server;

import java.net.SocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** The server's connections, open and recently closed, and its running totals. */
public final class ServerStats {
    private static final int RECENTLY_CLOSED = 1024;

    private final Map<SocketAddress, ConnectionStats> open = new ConcurrentHashMap<>();
    private final Deque<ConnectionStats> closed = new ArrayDeque<>();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder reaped = new LongAdder();
    final LongAdder bytesIn = new LongAdder();
    final LongAdder bytesOut = new LongAdder();
    final LongAdder readPauses = new LongAdder();

    void opened(ConnectionStats stats) {
        accepted.increment();
        open.put(stats.peer(), stats);
    }

    void closed(ConnectionStats stats) {
        open.remove(stats.peer(), stats);
        if (stats.closeReason().startsWith("reaped")) {
            reaped.increment();
        }
        synchronized (closed) {
            if (closed.size() == RECENTLY_CLOSED) {
                closed.removeFirst();
            }
            closed.addLast(stats);
        }
    }

    public long bytesIn() {
        return bytesIn.sum();
    }

    public long bytesOut() {
        return bytesOut.sum();
    }

    /** Times reading was paused for backpressure, over all connections. */
    public long readPauses() {
        return readPauses.sum();
    }

    /** Open connections whose reading is paused right now. */
    public long pausedNow() {
        return open.values().stream().filter(ConnectionStats::paused).count();
    }

    /** Bytes queued in the open connections' outbound buffers, as last sampled. */
    public long queuedNow() {
        return open.values().stream().mapToLong(ConnectionStats::queued).sum();
    }

    public int openCount() {
        return open.size();
    }

    /** Connections closed by the idle reaper. */
    public long reaped() {
        return reaped.sum();
    }

    public long accepted() {
        return accepted.sum();
    }

    public List<ConnectionStats> openConnections() {
        return new ArrayList<>(open.values());
    }

    /** The connection from {@code peer} (the client's local address), open or recently closed. */
    public Optional<ConnectionStats> find(SocketAddress peer) {
        ConnectionStats stats = open.get(peer);
        if (stats != null) {
            return Optional.of(stats);
        }
        synchronized (closed) {
            return closed.stream().filter(s -> s.peer().equals(peer)).reduce((a, b) -> b);
        }
    }
}
