package capslock.server;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.Channel;

/** Builds each connection's pipeline: stats → (read throttle) → pending limit → chunk decoder → uppercase. */
public final class ServerInitializer extends ChannelInitializer<Channel> {
    private final ServerConfig config;
    private final ServerStats stats;

    public ServerInitializer(ServerConfig config, ServerStats stats) {
        this.config = config;
        this.stats = stats;
    }

    @Override
    protected void initChannel(Channel ch) {
        ChannelPipeline p = ch.pipeline();
        p.addLast("stats", new ConnectionStatsHandler(stats));
        if (config.backpressure()) {
            p.addLast("throttle", new ReadThrottle());
        }
        p.addLast("limit", new PendingLimitHandler(config.maxPending()));
        p.addLast("chunks", new ChunkDecoder(config.chunkSize(), config.charset(), config.backpressure()));
        p.addLast("upper", new UpperCaseHandler(config.charset()));
    }
}
