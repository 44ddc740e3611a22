package capslock.server;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --max-connections}: admits a connection only while fewer than the limit are open. Refusals are
 * counted and logged at most once a second, so a flood costs log lines per second, not per connection.
 */
public final class ConnectionLimit {
    private static final Logger log = LoggerFactory.getLogger(ConnectionLimit.class);
    private static final long LOG_INTERVAL_NANOS = 1_000_000_000L;

    private final int max;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong refusedSinceLog = new AtomicLong();
    private final AtomicLong lastLogNanos = new AtomicLong(System.nanoTime() - LOG_INTERVAL_NANOS);

    public ConnectionLimit(int max) {
        this.max = max;
    }

    /** True, and counted as open, if the connection may stay; the caller releases it when it closes. */
    boolean tryAdmit() {
        for (int n = open.get(); n < max; n = open.get()) {
            if (open.compareAndSet(n, n + 1)) {
                return true;
            }
        }
        refused.incrementAndGet();
        refusedSinceLog.incrementAndGet();
        long now = System.nanoTime();
        long last = lastLogNanos.get();
        if (now - last >= LOG_INTERVAL_NANOS && lastLogNanos.compareAndSet(last, now)) {
            log.warn("refused {} connection(s) in the last second: --max-connections {} reached", refusedSinceLog.getAndSet(0), max);
        }
        return false;
    }

    void release() {
        open.decrementAndGet();
    }

    public int open() {
        return open.get();
    }

    public long refused() {
        return refused.get();
    }
}
