package capslock.demo;

import capslock.server.CapslockServer;
import capslock.server.ServerConfig;

/**
 * The servers a demo's runs go to: an in-process one with backpressure (unless {@code --host} names a running server)
 * and an in-process one without, which may queue twice the payload so that a run against it shows absorption rather
 * than its own {@code --max-pending} guard. Each comes with the view of its side of the connections.
 */
final class DemoServers implements AutoCloseable {
    /** Where one run connects, and how its server's side is seen. */
    record Target(String host, int port, ServerView view) {
    }

    private final CapslockServer withBackpressure;
    private final CapslockServer withoutBackpressure;
    private final Target backpressureOn;
    private final Target backpressureOff;

    /** {@code largestPayload}: the most any run will send, which the server without backpressure must be able to hold. */
    DemoServers(DemoSettings settings, long largestPayload) {
        CapslockServer on = null;
        CapslockServer off = null;
        try {
            on = settings.external() ? null : CapslockServer.start(serverConfig(settings, true, largestPayload));
            off = CapslockServer.start(serverConfig(settings, false, largestPayload));
        } catch (RuntimeException e) {
            if (on != null) {
                on.close();
            }
            throw e;
        }
        withBackpressure = on;
        withoutBackpressure = off;
        backpressureOn = on != null ? new Target("127.0.0.1", on.port(), new InProcessServerView(on.stats()))
                : new Target(settings.host(), settings.port(), new AdminServerView(settings.host(), settings.adminPort()));
        backpressureOff = new Target("127.0.0.1", off.port(), new InProcessServerView(off.stats()));
    }

    /** The in-process server for runs with ({@code backpressure}) or without it; the running one's settings as given. */
    static ServerConfig serverConfig(DemoSettings settings, boolean backpressure, long largestPayload) {
        long maxPending = backpressure ? ServerConfig.DEFAULT_MAX_PENDING
                : Math.max(ServerConfig.DEFAULT_MAX_PENDING, 2 * largestPayload);
        return ServerConfig.loopback().withBackpressure(backpressure).withMaxPending(maxPending)
                .withTransport(settings.transport());
    }

    Target target(boolean serverBackpressure) {
        return serverBackpressure ? backpressureOn : backpressureOff;
    }

    @Override
    public void close() {
        backpressureOn.view().close();
        if (withBackpressure != null) {
            withBackpressure.close();
        }
        withoutBackpressure.close();
    }
}
