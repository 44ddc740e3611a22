package capslock.common.net;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.netty.channel.uring.IoUringSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.function.Supplier;

/**
 * A transport resolved to what Netty 4.2 needs: an {@link IoHandlerFactory} and the channel classes.
 * {@code note} says why the choice fell where it did (e.g. why AUTO fell back to NIO).
 */
public record TransportFactory(Transport transport,
                               Supplier<IoHandlerFactory> ioHandlers,
                               Class<? extends ServerChannel> serverChannel,
                               Class<? extends SocketChannel> socketChannel,
                               String note) {

    /**
     * AUTO picks NIO, deliberately, after measuring the native ones here. Epoll (Netty 4.2.18): a channel
     * whose interest set drops to nothing (input shut down by the client's half-close, output drained) is
     * removed from the epoll set but still marked as added, so the next write that fills the socket fails
     * (epoll_ctl ENOENT) and the replies still owed are lost — capslock writes after the half-close
     * whenever a client sent faster than it read. io_uring: correct in the same runs, but slower than NIO
     * here, and not yet run at length. Both stay available on request.
     */
    public static TransportFactory resolve(Transport requested) {
        return switch (requested) {
            case NIO -> nio("requested");
            case EPOLL -> {
                requireAvailable("epoll", Epoll.isAvailable(), Epoll.unavailabilityCause());
                yield epoll("requested; warning: " + EPOLL_CAVEAT);
            }
            case IO_URING -> {
                requireAvailable("io_uring", IoUring.isAvailable(), IoUring.unavailabilityCause());
                yield ioUring("requested; note: " + IO_URING_CAVEAT);
            }
            case AUTO -> nio("auto: epoll and io_uring skipped, see docs/ARCHITECTURE.md");
        };
    }

    /** Why AUTO skips epoll, for the start-up log. */
    public static final String EPOLL_CAVEAT =
            "Netty 4.2.18's epoll can drop replies still owed after a client's half-close (docs/ARCHITECTURE.md)";

    /** Why AUTO skips io_uring, for the start-up log. */
    public static final String IO_URING_CAVEAT = "io_uring is not the default yet (docs/ARCHITECTURE.md, Transports)";

    /**
     * Whether this transport's event loop sleeps until a task scheduled less than a millisecond ahead is due: epoll
     * arms a timerfd, io_uring a timeout, both to the nanosecond. NIO's selector waits in whole milliseconds, so
     * Netty polls ({@code selectNow}) while such a task is pending.
     */
    public boolean sleepsUnderAMillisecond() {
        return transport != Transport.NIO;
    }

    public EventLoopGroup newGroup(int threads, String name) {
        return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(name, true), ioHandlers.get());
    }

    private static TransportFactory nio(String note) {
        return new TransportFactory(Transport.NIO, NioIoHandler::newFactory,
                NioServerSocketChannel.class, NioSocketChannel.class, note);
    }

    private static TransportFactory epoll(String note) {
        return new TransportFactory(Transport.EPOLL, EpollIoHandler::newFactory,
                EpollServerSocketChannel.class, EpollSocketChannel.class, note);
    }

    private static TransportFactory ioUring(String note) {
        return new TransportFactory(Transport.IO_URING, IoUringIoHandler::newFactory,
                IoUringServerSocketChannel.class, IoUringSocketChannel.class, note);
    }

    private static void requireAvailable(String name, boolean available, Throwable cause) {
        if (!available) {
            throw new IllegalStateException("transport " + name + " is not available here: " + reason(cause));
        }
    }

    private static String reason(Throwable cause) {
        if (cause == null) {
            return "unknown reason";
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }
}
