package capslock.server;

import capslock.common.Durations;
import capslock.common.Errors;
import capslock.common.cli.CapslockException;
import capslock.common.cli.ExitCodes;
import capslock.common.net.TransportFactory;
import capslock.common.text.AsciiUpperCase;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.util.concurrent.MultithreadEventExecutorGroup;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Binds the uppercase service and owns its event loops; {@link #close()} shuts it down gracefully. */
public final class CapslockServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CapslockServer.class);

    private final ServerConfig config;
    private final TransportFactory transport;
    private final ServerStats stats = new ServerStats();
    private final ServerInitializer initializer;
    private volatile boolean draining;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Channel listener;

    private CapslockServer(ServerConfig config) {
        this.config = config;
        this.transport = config.transport().resolve();
        this.boss = transport.newGroup(1, "capslock-accept");
        this.workers = transport.newGroup(config.ioThreads(), "capslock-io");
        this.initializer = new ServerInitializer(config, stats);
        ServerBootstrap b = new ServerBootstrap()
                .group(boss, workers)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                // Half-closure keeps the channel open when the client shuts its output, so queued replies still go out.
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                // One read is at most 64 KiB on every transport: the queue bound is "high mark + one read". Up to 16
                // reads per loop turn, as Netty's own default: this constructor alone would allow one, sending the
                // loop back through the selector after every read even while the socket has more.
                .childOption(ChannelOption.RCVBUF_ALLOCATOR, readAllocator())
                .childHandler(initializer);
        config.transport().applyTo(b);
        try {
            this.listener = b.bind(config.host(), config.port()).syncUninterruptibly().channel();
        } catch (Exception e) {
            shutdownGroups();
            throw new CapslockException(ExitCodes.FAILURE, "cannot listen on " + config.host() + ":" + config.port()
                    + ": " + Errors.describe(e), e);
        }
    }

    private static AdaptiveRecvByteBufAllocator readAllocator() {
        AdaptiveRecvByteBufAllocator allocator = new AdaptiveRecvByteBufAllocator(64, 2048, 64 * 1024);
        allocator.maxMessagesPerRead(16);
        return allocator;
    }

    /** Binds now; throws a {@link CapslockException} with a one-line reason if it can't. */
    public static CapslockServer start(ServerConfig config) {
        CapslockServer server = new CapslockServer(config);
        log.info("capslock server listening on {} (transport {}, {}; I/O threads {}; water marks {}; chunk size {} bytes; "
                        + "charset {}; uppercase kernel {}; backpressure {}; max connections {}; idle timeout {})",
                config.host() + ":" + server.port(), server.transport.transport().label(), server.transport.note(),
                config.ioThreads(), config.waterMark(),
                config.chunkSize(), config.charset().label(), AsciiUpperCase.kernel(), config.backpressure() ? "on" : "OFF",
                config.maxConnections(), config.idleTimeout().isZero() ? "off" : Durations.format(config.idleTimeout()));
        return server;
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) listener.localAddress();
    }

    public int port() {
        return address().getPort();
    }

    public ServerConfig config() {
        return config;
    }

    /** The event loops that serve the connections ({@link ServerConfig#ioThreads()}), each started on first use. */
    public int ioThreads() {
        return ((MultithreadEventExecutorGroup) workers).executorCount();
    }

    public TransportFactory transport() {
        return transport;
    }

    /** Open connections as admitted, and how many were refused past {@code --max-connections}. */
    public ConnectionLimit connectionLimit() {
        return initializer.connectionLimit();
    }

    public ServerStats stats() {
        return stats;
    }

    /** Ready for traffic: listening, and not draining. */
    public boolean isReady() {
        return listener.isOpen() && !draining;
    }

    /**
     * Graceful shutdown, first half: not ready any more, stop accepting, let the transfers in flight finish
     * for up to {@code timeout}, then close what is left. {@link #close()} then stops the event loops.
     */
    public Drain drain(Duration timeout) {
        draining = true;
        listener.close().syncUninterruptibly();
        ChannelGroup connections = initializer.connections();
        int open = connections.size();
        boolean finished = connections.newCloseFuture().awaitUninterruptibly(timeout.toMillis());
        int forced = finished ? 0 : connections.size();
        if (!finished) {
            // Reported to each connection, whose closer records the reason and closes it.
            connections.forEach(ch -> ch.pipeline().fireUserEventTriggered(ConnectionEvent.DRAIN_TIMEOUT));
            connections.newCloseFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        Drain result = new Drain(open, open - forced, forced);
        log.info("drained: {} connection(s) open when the drain began, {} finished, {} closed at --drain-timeout {}",
                result.open(), result.finished(), result.forced(), Durations.format(timeout));
        return result;
    }

    /** What a drain found and did. */
    public record Drain(int open, int finished, int forced) {
    }

    /** Stops accepting, closes the connections and the event loops. */
    @Override
    public void close() {
        listener.close().syncUninterruptibly();
        shutdownGroups();
    }

    private void shutdownGroups() {
        boss.shutdownGracefully(0, 5, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        boss.terminationFuture().syncUninterruptibly();
    }
}
