package capslock.server;

/**
 * The names of the handlers in a connection's pipeline, in pipeline order (as reactor-netty's {@code NettyPipeline}
 * names its own), for tests and for code that inserts a handler next to one of them.
 */
public final class ServerPipeline {
    /** {@link ConnectionStatsHandler}: counts bytes and the queue, logs the close line. */
    public static final String STATS = "capslock.stats";
    /** {@link IdleReaper}: reports a connection on which nothing moved for {@code --idle-timeout}. */
    public static final String IDLE_REAPER = "capslock.idleReaper";
    /** {@link PendingLimitHandler}: reports an outbound buffer past {@code --max-pending}. */
    public static final String PENDING_LIMIT = "capslock.pendingLimit";
    /** {@link ChunkDecoder}: cuts the stream into chunks, holds them while the channel is unwritable. */
    public static final String CHUNK_DECODER = "capslock.chunkDecoder";
    /** {@link ReadThrottle}: backpressure, reading off while the channel stays unwritable. */
    public static final String READ_THROTTLE = "capslock.readThrottle";
    /** {@link UpperCaseHandler}: uppercases and writes back; closes after the client's half-close. */
    public static final String UPPERCASE = "capslock.upperCase";
    /** {@link ConnectionCloser}: the one handler that closes a connection for a reported reason. */
    public static final String CLOSER = "capslock.closer";

    private ServerPipeline() {
    }
}
