package capslock.server.admin;

import capslock.common.cli.CapslockException;
import capslock.common.cli.ExitCodes;
import capslock.common.net.TransportFactory;
import capslock.server.CapslockServer;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The admin HTTP endpoint on its own port and its own event loop: health for orchestrators, metrics for Prometheus. */
public final class AdminServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AdminServer.class);

    private final EventLoopGroup group;
    private final ServerMetrics metrics;
    private final Channel listener;

    private AdminServer(CapslockServer server, String host, int port) {
        TransportFactory transport = server.transport();
        this.group = transport.newGroup(1, "capslock-admin");
        this.metrics = new ServerMetrics(server);
        ServerBootstrap b = new ServerBootstrap()
                .group(group)
                .channel(transport.serverChannel())
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(8192),
                                new AdminHandler(server, metrics));
                    }
                });
        var bound = b.bind(host, port).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            close();
            Throwable cause = bound.cause();
            throw new CapslockException(ExitCodes.FAILURE, "cannot listen on " + host + ":" + port + " (--admin-port): "
                    + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()));
        }
        this.listener = bound.channel();
    }

    /** Binds now; a port in use is a {@link CapslockException} with a one-line reason. */
    public static AdminServer start(CapslockServer server, String host, int port) {
        AdminServer admin = new AdminServer(server, host, port);
        log.info("admin endpoint on http://{}:{}/ (health/live, health/ready, metrics)", host, admin.port());
        return admin;
    }

    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    @Override
    public void close() {
        if (listener != null) {
            listener.close().syncUninterruptibly();
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        metrics.close();
    }
}
