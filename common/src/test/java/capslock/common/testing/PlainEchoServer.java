package capslock.common.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A plain TCP echo on a loopback port: speaks capslock's protocol (replies, then closes after the client's
 * half-close) but does not uppercase, one connection at a time, as a server that is wrong would.
 */
public final class PlainEchoServer implements AutoCloseable {
    private final ServerSocket socket;
    private final Thread thread;

    public PlainEchoServer() throws IOException {
        socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        thread = new Thread(this::echoEach, "plain-echo");
        thread.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    private void echoEach() {
        while (!socket.isClosed()) {
            try (Socket connection = socket.accept()) {
                connection.getInputStream().transferTo(connection.getOutputStream());
                connection.shutdownOutput();
            } catch (IOException closedOrReset) {
                // the next connection, or the end when the server socket is closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
