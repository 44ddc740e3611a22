package capslock.server;

/**
 * What a handler or the server reports about a connection through its pipeline ({@code fireUserEventTriggered}), as
 * Netty's {@code IdleStateHandler} reports an {@code IdleStateEvent}: {@link ConnectionCloser} acts on it.
 */
public enum ConnectionEvent {
    /** Fired by {@link IdleReaper}. */
    IDLE_TIMEOUT(CloseReason.IDLE_TIMEOUT),
    /** Fired by {@link CapslockServer#drain} into each connection still open at the drain timeout. */
    DRAIN_TIMEOUT(CloseReason.DRAIN_TIMEOUT);

    private final CloseReason reason;

    ConnectionEvent(CloseReason reason) {
        this.reason = reason;
    }

    public CloseReason reason() {
        return reason;
    }
}
