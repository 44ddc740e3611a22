package capslock.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;

/**
 * Admits a connection (or closes it at once past {@code --max-connections}) and builds its pipeline, named as in
 * {@link ServerPipeline}:
 *
 * <pre>
 * stats → idle reaper (if --idle-timeout) → pending limit → chunk decoder → read throttle (if --backpressure) → uppercase → closer
 * </pre>
 *
 * The stateless handlers are created once per server and shared by every connection.
 */
public final class ServerInitializer extends ChannelInitializer<Channel> {
    private final ServerConfig config;
    private final ServerStats stats;
    private final ConnectionLimit limit;
    private final PendingLimitHandler pendingLimit;
    private final UpperCaseHandler upperCase;
    private final ConnectionCloser closer;
    /** Every admitted connection, for the drain on shutdown. */
    private final ChannelGroup connections = new DefaultChannelGroup("capslock-connections", GlobalEventExecutor.INSTANCE);

    public ServerInitializer(ServerConfig config, ServerStats stats) {
        this.config = config;
        this.stats = stats;
        this.limit = new ConnectionLimit(config.maxConnections());
        this.pendingLimit = new PendingLimitHandler(config.maxPending());
        this.upperCase = new UpperCaseHandler(config.charset());
        this.closer = new ConnectionCloser(config.idleTimeout());
    }

    ConnectionLimit connectionLimit() {
        return limit;
    }

    ChannelGroup connections() {
        return connections;
    }

    @Override
    protected void initChannel(Channel ch) {
        if (!limit.tryAdmit()) {
            ch.close();
            return;
        }
        ch.closeFuture().addListener(f -> limit.release());
        connections.add(ch);
        ChannelPipeline p = ch.pipeline();
        p.addLast(ServerPipeline.STATS, new ConnectionStatsHandler(stats));
        if (!config.idleTimeout().isZero()) {
            p.addLast(ServerPipeline.IDLE_REAPER, new IdleReaper(config.idleTimeout()));
        }
        p.addLast(ServerPipeline.PENDING_LIMIT, pendingLimit);
        p.addLast(ServerPipeline.CHUNK_DECODER, new ChunkDecoder(config.chunkSize(), config.charset(), config.backpressure()));
        if (config.backpressure()) {
            p.addLast(ServerPipeline.READ_THROTTLE, ReadThrottle.INSTANCE);
        }
        p.addLast(ServerPipeline.UPPERCASE, upperCase);
        p.addLast(ServerPipeline.CLOSER, closer);
    }
}
