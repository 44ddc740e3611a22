package capslock.client;

import io.netty.util.concurrent.EventExecutor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs a paced writer's next batch on its event loop when it is due, without keeping that loop busy meanwhile.
 *
 * <p>Netty's NIO event loop cannot block for less than a millisecond ({@code Selector.select} takes milliseconds):
 * with a task due sooner than that it polls with {@code selectNow} until the task is due, so a writer paced at a
 * write every few hundred microseconds kept its loop spinning, a whole CPU taken from the server under test. The
 * pacer instead waits on a thread of its own, which sleeps until the task is due (late by the kernel's timer slack
 * and a thread wake-up: about a tenth of a millisecond at the median here), then hands the task to the event loop,
 * which wakes from its selector for it:
 *
 * <pre>
 * event loop:  write batch → later(due) ┄┄┄┄┄┄┄┄ selector blocked, reads as they come ┄┄┄┄┄┄ → write batch
 * pacer:                        └─ sleeps until due ──────────────────────────────────→ execute ─┘
 * </pre>
 *
 * One daemon thread serves every writer in the process. A task whose event loop has shut down in the meantime is
 * dropped: its channel is gone. Only NIO loops need it: epoll and io_uring loops sleep until a task is due on their
 * own ({@link capslock.common.net.TransportFactory#sleepsUnderAMillisecond()}).
 */
final class Pacer {
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private Pacer() {
    }

    private static ScheduledThreadPoolExecutor timer() {
        return new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "capslock-pacer");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs {@code task} on {@code loop} once {@code delayNanos} have passed. */
    static void runLater(EventExecutor loop, Runnable task, long delayNanos) {
        TIMER.schedule(() -> {
            try {
                loop.execute(task);
            } catch (RejectedExecutionException e) {
                // the loop shut down while the task waited: its channel is closed, nothing is left to write
            }
        }, delayNanos, TimeUnit.NANOSECONDS);
    }
}
