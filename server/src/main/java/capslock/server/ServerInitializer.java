package capslock.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;

/**
 * Admits a connection (or closes it at once past {@code --max-connections}) and builds its pipeline:
 * stats → (idle reaper) → (read throttle) → pending limit → chunk decoder → uppercase.
 */
public final class ServerInitializer extends ChannelInitializer<Channel> {
    private final ServerConfig config;
    private final ServerStats stats;
    private final ConnectionLimit limit;
    /** Every admitted connection, for the drain on shutdown. */
    private final ChannelGroup connections = new DefaultChannelGroup("capslock-connections", GlobalEventExecutor.INSTANCE);

    public ServerInitializer(ServerConfig config, ServerStats stats) {
        this.config = config;
        this.stats = stats;
        this.limit = new ConnectionLimit(config.maxConnections());
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
        p.addLast("stats", new ConnectionStatsHandler(stats));
        if (!config.idleTimeout().isZero()) {
            p.addLast("idle", new IdleReaper(config.idleTimeout()));
        }
        if (config.backpressure()) {
            p.addLast("throttle", new ReadThrottle());
        }
        p.addLast("limit", new PendingLimitHandler(config.maxPending()));
        p.addLast("chunks", new ChunkDecoder(config.chunkSize(), config.charset(), config.backpressure()));
        p.addLast("upper", new UpperCaseHandler(config.charset()));
    }
}
