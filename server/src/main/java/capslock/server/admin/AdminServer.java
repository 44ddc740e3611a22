package capslock.server.admin;

import capslock.common.web.EventStream;
import capslock.common.web.WebServer;
import capslock.server.CapslockServer;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin HTTP endpoint on its own port and its own event loop: health for orchestrators, metrics for Prometheus,
 * the open connections for operators (as JSON, pushed live, and as a page).
 */
public final class AdminServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AdminServer.class);
    static final long PUSH_MILLIS = 500;

    private final ServerMetrics metrics;
    private final EventStream stream = new EventStream();
    private final WebServer web;
    private final ScheduledFuture<?> push;

    private AdminServer(CapslockServer server, String host, int port) {
        this.metrics = new ServerMetrics(server);
        AdminHandler handler = new AdminHandler(server, metrics, stream);
        try {
            this.web = WebServer.start(server.transport(), "capslock-admin", host, port, "--admin-port", () -> handler);
        } catch (RuntimeException e) {
            metrics.close();
            throw e;
        }
        this.push = web.eventLoop().scheduleAtFixedRate(() -> {
            if (stream.subscribers() > 0) {
                stream.publishLossy("connections", handler.connections(ConnectionsReport.DEFAULT_LIMIT, null));
            }
        }, PUSH_MILLIS, PUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Binds now; a port in use is a {@link capslock.common.cli.CapslockException} with a one-line reason. */
    public static AdminServer start(CapslockServer server, String host, int port) {
        AdminServer admin = new AdminServer(server, host, port);
        log.info("admin endpoint on http://{}:{}/ (a live page; health/live, health/ready, metrics, connections)", host,
                admin.port());
        return admin;
    }

    public int port() {
        return web.port();
    }

    @Override
    public void close() {
        push.cancel(false);
        stream.close();
        web.close();
        metrics.close();
    }
}
