package capslock.common.cli;

import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * Turns SIGINT and SIGTERM into an orderly return from {@link #await()} (or {@link #received()} turning
 * true), so a command can shut down gracefully and say what it has done (a JVM shutdown hook alone would exit 143).
 */
public final class ShutdownSignal {
    private final CountDownLatch received = new CountDownLatch(1);
    private volatile String name = "signal";

    private ShutdownSignal() {
    }

    public static ShutdownSignal install() {
        ShutdownSignal signal = new ShutdownSignal();
        for (String name : new String[] {"INT", "TERM"}) {
            Signal.handle(new Signal(name), s -> signal.trigger("SIG" + s.getName()));
        }
        return signal;
    }

    public void trigger(String why) {
        name = why;
        received.countDown();
    }

    /** Whether a signal has come, for a command that checks between steps rather than waits. */
    public boolean received() {
        return received.getCount() == 0;
    }

    public void await() throws InterruptedException {
        received.await();
    }

    public String name() {
        return name;
    }
}
