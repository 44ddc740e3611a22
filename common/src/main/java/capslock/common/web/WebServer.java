package capslock.common.web;

import capslock.common.Errors;
import capslock.common.cli.CapslockException;
import capslock.common.cli.ExitCodes;
import capslock.common.net.TransportFactory;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A small HTTP/1.1 server on Netty's own codec, on one event loop of its own: the admin endpoint's and the web demo's.
 * Requests are aggregated (bodies up to 64 KiB) and handed to a handler from {@code handlers}.
 */
public final class WebServer implements AutoCloseable {
    private final EventLoopGroup group;
    private final Channel listener;

    private WebServer(TransportFactory transport, String name, String host, int port, String option,
                      Supplier<ChannelHandler> handlers) {
        this.group = transport.newGroup(1, name);
        ServerBootstrap b = new ServerBootstrap()
                .group(group)
                .channel(transport.serverChannel())
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(64 * 1024), handlers.get());
                    }
                });
        var bound = b.bind(host, port).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            throw new CapslockException(ExitCodes.FAILURE, "cannot listen on " + host + ":" + port + " (" + option + "): "
                    + Errors.describe(bound.cause()));
        }
        this.listener = bound.channel();
    }

    /** Binds now; a port in use is a {@link CapslockException} naming {@code option}. */
    public static WebServer start(TransportFactory transport, String name, String host, int port, String option,
                                  Supplier<ChannelHandler> handlers) {
        return new WebServer(transport, name, host, port, option, handlers);
    }

    /** The server's event loop, for tasks of its own (pushing events on a timer, say). */
    public io.netty.channel.EventLoop eventLoop() {
        return group.next();
    }

    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    @Override
    public void close() {
        listener.close().syncUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
