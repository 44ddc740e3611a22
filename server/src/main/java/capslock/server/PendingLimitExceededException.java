package capslock.server;

import capslock.common.Sizes;

/**
 * Raised by {@link PendingLimitHandler} when a connection's outbound buffer has passed {@code --max-pending}, as
 * {@code LineBasedFrameDecoder} raises a {@code TooLongFrameException}; {@link ConnectionCloser} closes the connection.
 */
public final class PendingLimitExceededException extends RuntimeException {
    private final long queued;
    private final long limit;

    public PendingLimitExceededException(long queued, long limit) {
        super("outbound buffer " + Sizes.format(queued) + " passed --max-pending " + Sizes.format(limit)
                + " (the client is not reading its replies)", null, false, false);
        this.queued = queued;
        this.limit = limit;
    }

    /** Netty's count of the outbound buffer when the limit was found passed. */
    public long queued() {
        return queued;
    }

    public long limit() {
        return limit;
    }
}
