package capslock.common.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits, with a deadline, for a condition that no future or latch signals (a server's counters settling
 * after clients went away). Fails with the description if the deadline passes.
 */
public final class Eventually {
    private Eventually() {
    }

    public static void await(String description, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within " + timeout + ": " + description);
            }
            LockSupport.parkNanos(5_000_000);
        }
    }
}
