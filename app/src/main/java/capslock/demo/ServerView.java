package capslock.demo;

import java.net.SocketAddress;

/** Where the demo sees the server's side of its connections from: an in-process server, or a running one's admin endpoint. */
interface ServerView extends AutoCloseable {

    /** Samples the server's side of the connection from {@code client} (the client's local address); null if it cannot. */
    ServerProbe probe(SocketAddress client);

    /** Why the server's side is not shown, or null when it is. */
    String note();

    @Override
    default void close() {
    }

    /** The server's side of one connection, sampled as often as the client is. */
    interface ServerProbe extends AutoCloseable {
        /** The latest the server says about the connection; null while it does not know it (yet). */
        ServerSample sample();

        /** The most the server ever queued for it, as far as this probe knows; null if unknown. */
        Long peakQueued();

        @Override
        default void close() {
        }
    }
}
