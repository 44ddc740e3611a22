package capslock.demo;

import capslock.server.ConnectionStats;
import capslock.server.ServerStats;
import java.net.SocketAddress;

/** The server's side read straight from an in-process server's {@link ServerStats}. */
final class InProcessServerView implements ServerView {
    private final ServerStats stats;

    InProcessServerView(ServerStats stats) {
        this.stats = stats;
    }

    @Override
    public ServerProbe probe(SocketAddress client) {
        return new ServerProbe() {
            private long pausedNanos;

            @Override
            public ServerSample sample() {
                ConnectionStats c = stats.find(client).orElse(null);
                if (c == null) {
                    return null;
                }
                long paused = c.pausedNanos();
                ServerSample s = new ServerSample(c.queued(), c.paused(), (paused - pausedNanos) / 1e9, c.bytesIn(), c.bytesOut());
                pausedNanos = paused;
                return s;
            }

            @Override
            public Long peakQueued() {
                return stats.find(client).map(ConnectionStats::peakQueued).orElse(null);
            }
        };
    }

    @Override
    public String note() {
        return null;
    }
}
