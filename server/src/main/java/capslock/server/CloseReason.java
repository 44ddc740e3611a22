package capslock.server;

import java.util.Locale;

/** Why a connection closed: counted per reason by {@link ServerStats} and the metrics, named in its close line. */
public enum CloseReason {
    /** The protocol's end: the client half-closed and every byte owed went out; or the client closed cleanly. */
    DONE,
    /** No byte moved either way for {@code --idle-timeout} (a client that deadlocked itself, as in the book). */
    IDLE_TIMEOUT,
    /** The outbound buffer passed {@code --max-pending} (a client that does not read, with backpressure off). */
    PENDING_LIMIT,
    /** Still open when the drain on SIGTERM reached {@code --drain-timeout}. */
    DRAIN_TIMEOUT,
    /** An exception in the pipeline or on the socket (a reset, say); the close line gives its message. */
    ERROR;

    /** {@code idle_timeout}, as logs and metric labels spell it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
