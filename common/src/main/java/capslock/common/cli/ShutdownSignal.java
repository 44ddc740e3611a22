package capslock.common.cli;

import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
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

    /**
     * Installs the handlers and, when the first signal comes, hands its name ({@code SIGINT}, {@code SIGTERM}) to
     * {@code action} on a daemon thread named {@code threadName}: for a command that interrupts work under way.
     */
    public static ShutdownSignal installThen(String threadName, Consumer<String> action) {
        ShutdownSignal signal = install();
        Thread watcher = new Thread(() -> {
            try {
                signal.await();
                action.accept(signal.name());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, threadName);
        watcher.setDaemon(true);
        watcher.start();
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
