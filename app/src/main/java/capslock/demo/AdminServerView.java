package capslock.demo;

import capslock.Json;
import capslock.common.Errors;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The server's side read from a running server's admin endpoint, {@code GET /connections?peer=…}, polled every 50 ms
 * on a thread of its own (never on a client's event loop). If the endpoint does not answer when the view is made, the
 * server's side is left out and {@link #note()} says why.
 */
final class AdminServerView implements ServerView {
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final String note;

    AdminServerView(String host, int adminPort) {
        this.base = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + adminPort;
        String problem;
        if (adminPort == 0) {
            problem = "the server's side is not shown: --admin-port 0";
        } else {
            try {
                HttpResponse<String> live = get("/health/live");
                problem = live.statusCode() == 200 ? null : "the server's side is not shown: " + base + "/health/live answered "
                        + live.statusCode();
            } catch (Exception e) {
                problem = "the server's side is not shown: its admin endpoint " + base + "/ did not answer ("
                        + Errors.describe(e) + "; --admin-port names it)";
            }
        }
        this.note = problem;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public String note() {
        return note;
    }

    @Override
    public ServerProbe probe(SocketAddress client) {
        if (note != null || !(client instanceof InetSocketAddress address)) {
            return null;
        }
        return new Poller(address);
    }

    /** Polls the endpoint for one connection; the client's samples read the latest answer. */
    private final class Poller implements ServerProbe, Runnable {
        private final String path;
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "capslock-demo-admin");
            t.setDaemon(true);
            return t;
        });
        private volatile ServerSample latest;
        private volatile Long peak;
        private double lastPausedMs = -1;

        Poller(InetSocketAddress client) {
            String peer = client.getAddress().getHostAddress() + ":" + client.getPort();
            this.path = "/connections?peer=" + URLEncoder.encode(peer, StandardCharsets.UTF_8);
            timer.scheduleWithFixedDelay(this, 0, 50, TimeUnit.MILLISECONDS);
        }

        @Override
        public void run() {
            try {
                JsonNode connections = Json.mapper().readTree(get(path).body()).path("connections");
                if (!connections.isArray() || connections.isEmpty()) {
                    return;
                }
                JsonNode c = connections.get(0);
                double pausedMs = c.path("pausedMs").asDouble();
                latest = new ServerSample(c.path("queued").asLong(), c.path("readingPaused").asBoolean(),
                        lastPausedMs < 0 ? 0 : (pausedMs - lastPausedMs) / 1e3, c.path("bytesIn").asLong(),
                        c.path("bytesOut").asLong());
                lastPausedMs = pausedMs;
                peak = c.path("peakQueued").asLong();
            } catch (Exception e) {
                // the next poll may get through; until then the last answer stands
            }
        }

        @Override
        public ServerSample sample() {
            return latest;
        }

        @Override
        public Long peakQueued() {
            return peak;
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }
}
