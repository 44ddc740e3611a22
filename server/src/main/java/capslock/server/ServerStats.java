package capslock.server;

import java.net.SocketAddress;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** The server's connections, open and recently closed, its running totals, and how many closed for each reason. */
public final class ServerStats {
    private static final int RECENTLY_CLOSED = 1024;

    private final Map<SocketAddress, ConnectionStats> open = new ConcurrentHashMap<>();
    private final Deque<ConnectionStats> closed = new ArrayDeque<>();
    private final LongAdder accepted = new LongAdder();
    private final Map<CloseReason, LongAdder> closedBy = new EnumMap<>(CloseReason.class);
    final LongAdder bytesIn = new LongAdder();
    final LongAdder bytesOut = new LongAdder();
    final LongAdder readPauses = new LongAdder();

    public ServerStats() {
        for (CloseReason reason : CloseReason.values()) {
            closedBy.put(reason, new LongAdder());
        }
    }

    void opened(ConnectionStats stats) {
        accepted.increment();
        open.put(stats.peer(), stats);
    }

    void closed(ConnectionStats stats) {
        closedBy.get(stats.closeReason()).increment();
        // Into the closed list before out of the open map: find() never misses a connection that is closing.
        synchronized (closed) {
            if (closed.size() == RECENTLY_CLOSED) {
                closed.removeFirst();
            }
            closed.addLast(stats);
        }
        open.remove(stats.peer(), stats);
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

    /** Bytes queued in the open connections' outbound buffers now. */
    public long queuedNow() {
        return open.values().stream().mapToLong(ConnectionStats::queued).sum();
    }

    public int openCount() {
        return open.size();
    }

    /** The open connections, a live view: it changes as connections come and go. */
    public Collection<ConnectionStats> open() {
        return Collections.unmodifiableCollection(open.values());
    }

    /** Connections that closed for {@code reason}. */
    public long closed(CloseReason reason) {
        return closedBy.get(reason).sum();
    }

    public long accepted() {
        return accepted.sum();
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
