package capslock.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import capslock.common.testing.Eventually;
import capslock.server.CapslockServer;
import capslock.server.ServerConfig;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The admin endpoint over real HTTP, and the graceful drain it reports on. */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class AdminServerTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private CapslockServer server;
    private AdminServer admin;

    @BeforeEach
    void start() {
        server = CapslockServer.start(ServerConfig.loopback());
        admin = AdminServer.start(server, "127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        admin.close();
        server.close();
    }

    private HttpResponse<String> request(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(5)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private Socket connect() throws Exception {
        return capslock.server.LoopbackClient.connect(server.port());
    }

    @Test
    void healthAnswersAndUnknownPathsAndMethodsAreRefused() throws Exception {
        assertThat(request("GET", "/health/live").statusCode()).isEqualTo(200);
        assertThat(request("GET", "/health/ready").statusCode()).isEqualTo(200);
        assertThat(request("GET", "/nothing-here").statusCode()).isEqualTo(404);
        HttpResponse<String> post = request("POST", "/metrics");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("allow")).hasValue("GET, HEAD");
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private com.fasterxml.jackson.databind.JsonNode connections(String query) throws Exception {
        HttpResponse<String> response = request("GET", "/connections" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json; charset=utf-8");
        return JSON.readTree(response.body());
    }

    /** A connection appears with its queue and writability while open, and is gone once closed. */
    @Test
    void connectionsListTheOpenOnesWithTheirQueueAndWritability() throws Exception {
        com.fasterxml.jackson.databind.JsonNode none = connections("");
        assertThat(none.get("open").asInt()).isZero();
        assertThat(none.get("connections")).isEmpty();
        try (Socket socket = connect()) {
            socket.getOutputStream().write("capitalize this!".getBytes(StandardCharsets.US_ASCII));
            assertThat(socket.getInputStream().readNBytes(16)).hasSize(16);
            String peer = "127.0.0.1:" + socket.getLocalPort();
            // The reply can reach us before the event loop has removed it from its outbound buffer.
            Eventually.await("the reply has left the outbound buffer", Duration.ofSeconds(10),
                    () -> server.stats().queuedNow() == 0);
            com.fasterxml.jackson.databind.JsonNode one = connections("");
            assertThat(one.get("open").asInt()).isEqualTo(1);
            assertThat(one.get("shown").asInt()).isEqualTo(1);
            com.fasterxml.jackson.databind.JsonNode c = one.get("connections").get(0);
            assertThat(c.get("peer").asText()).isEqualTo(peer);
            assertThat(c.get("bytesIn").asLong()).isEqualTo(16);
            assertThat(c.get("bytesOut").asLong()).isEqualTo(16);
            assertThat(c.get("queued").asLong()).isZero();
            assertThat(c.get("writable").asBoolean()).isTrue();
            assertThat(c.get("readingPaused").asBoolean()).isFalse();
            assertThat(c.get("pauses").asLong()).isZero();
            assertThat(c.has("ageSeconds")).isTrue();
            assertThat(c.has("pausedMs")).isTrue();
            assertThat(connections("?peer=" + peer).get("connections")).hasSize(1);
            assertThat(connections("?peer=127.0.0.1:1").get("connections")).isEmpty();
        }
        Eventually.await("the connection is gone", Duration.ofSeconds(10), () -> server.stats().openCount() == 0);
        assertThat(connections("").get("connections")).isEmpty();
    }

    /** Bounded: the N busiest (by bytes queued), with the count of all; a limit outside 1-1000 is refused. */
    @Test
    void connectionsAreBoundedToTheBusiestWithTheTotalCount() throws Exception {
        java.util.List<Socket> sockets = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                sockets.add(connect());
            }
            Eventually.await("five open", Duration.ofSeconds(10), () -> server.stats().openCount() == 5);
            com.fasterxml.jackson.databind.JsonNode two = connections("?limit=2");
            assertThat(two.get("open").asInt()).isEqualTo(5);
            assertThat(two.get("shown").asInt()).isEqualTo(2);
            assertThat(two.get("limit").asInt()).isEqualTo(2);
            assertThat(two.get("connections")).hasSize(2);
            assertThat(connections("").get("connections")).hasSize(5);
            for (String bad : new String[] {"0", "1001", "many"}) {
                HttpResponse<String> refused = request("GET", "/connections?limit=" + bad);
                assertThat(refused.statusCode()).isEqualTo(400);
                assertThat(refused.body()).isEqualTo("limit must be a number from 1 to 1000\n");
            }
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    @Test
    void theLivePageAndItsAssetsAreServedFromTheJarAndTheStreamPushesTheReport() throws Exception {
        HttpResponse<String> page = request("GET", "/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body()).contains("<script src=\"/assets/uPlot.iife.min.js\"></script>")
                .contains("/connections/stream");
        assertThat(request("GET", "/assets/uPlot.iife.min.js").body()).contains("uPlot");
        assertThat(request("GET", "/assets/admin.js").body()).contains("EventSource");
        assertThat(request("GET", "/assets/uPlot.min.css").statusCode()).isEqualTo(200);
        assertThat(request("GET", "/assets/missing.js").statusCode()).isEqualTo(404);
        assertThat(request("POST", "/connections").statusCode()).as("nothing here changes state").isEqualTo(405);

        HttpRequest stream = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin.port() + "/connections/stream"))
                .timeout(Duration.ofSeconds(10)).build();
        HttpResponse<java.util.stream.Stream<String>> events = http.send(stream, HttpResponse.BodyHandlers.ofLines());
        assertThat(events.headers().firstValue("content-type")).hasValue("text/event-stream; charset=utf-8");
        java.util.Iterator<String> lines = events.body().iterator();
        int datas = 0;
        while (datas < 2 && lines.hasNext()) {
            String line = lines.next();
            if (line.startsWith("data: ")) {
                assertThat(JSON.readTree(line.substring(6)).get("open").asInt()).isZero();
                datas++;
            }
        }
        assertThat(datas).as("the first report at once, then one pushed").isEqualTo(2);
        events.body().close();
    }

    @Test
    void metricsCountTrafficInPrometheusFormat() throws Exception {
        try (Socket socket = connect()) {
            socket.getOutputStream().write("capitalize this!".getBytes(StandardCharsets.US_ASCII));
            socket.shutdownOutput();
            assertThat(socket.getInputStream().readAllBytes()).hasSize(16);
        }
        Eventually.await("the connection's close is counted", Duration.ofSeconds(10), () -> server.stats().openCount() == 0);
        HttpResponse<String> metrics = request("GET", "/metrics");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("content-type")).hasValue(AdminHandler.PROMETHEUS_TEXT);
        assertThat(metrics.body())
                .contains("capslock_connections_accepted_total 1.0")
                .contains("capslock_connections_open 0.0")
                .contains("capslock_received_bytes_total 16.0")
                .contains("capslock_sent_bytes_total 16.0")
                .contains("capslock_read_pauses_total")
                .contains("capslock_connections_paused")
                .contains("capslock_queued_bytes")
                .contains("capslock_connections_refused_total 0.0")
                .contains("capslock_connections_reaped_total 0.0")
                .contains("capslock_connections_closed_total{reason=\"done\"} 1.0")
                .contains("capslock_connections_closed_total{reason=\"idle_timeout\"} 0.0")
                .contains("capslock_ready 1.0")
                .contains("jvm_memory_used_bytes")
                .contains("netty_allocator_memory_used");
    }

    @Test
    void aDrainTurnsReadinessOffAndLetsTheTransferInFlightFinish() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write("capitalize this!".getBytes(StandardCharsets.US_ASCII));
            Eventually.await("the connection is open", Duration.ofSeconds(10), () -> server.stats().openCount() == 1);

            CompletableFuture<CapslockServer.Drain> drain = CompletableFuture.supplyAsync(() -> server.drain(Duration.ofSeconds(20)));
            Eventually.await("not ready while draining", Duration.ofSeconds(10), () -> !server.isReady());
            assertThat(request("GET", "/health/ready").statusCode()).isEqualTo(503);
            assertThat(request("GET", "/health/live").statusCode()).isEqualTo(200);

            out.write("capitalize this!".getBytes(StandardCharsets.US_ASCII)); // still served while draining
            socket.shutdownOutput();
            assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII))
                    .isEqualTo("CAPITALIZE THIS!CAPITALIZE THIS!");
            assertThat(drain.get(20, TimeUnit.SECONDS)).isEqualTo(new CapslockServer.Drain(1, 1, 0));
        }
    }

    @Test
    void aDrainClosesWhatDidNotFinishInTime() throws Exception {
        try (Socket socket = connect()) {
            socket.getOutputStream().write("never half-closed".getBytes(StandardCharsets.US_ASCII));
            Eventually.await("the connection is open", Duration.ofSeconds(10), () -> server.stats().openCount() == 1);
            assertThat(server.drain(Duration.ofMillis(300))).isEqualTo(new CapslockServer.Drain(1, 0, 1));
            assertThat(socket.getInputStream().readAllBytes()).asString(StandardCharsets.US_ASCII).isEqualTo("NEVER HALF-CLOSED");
            Eventually.await("the close is counted", Duration.ofSeconds(10),
                    () -> server.stats().closed(capslock.server.CloseReason.DRAIN_TIMEOUT) == 1);
        }
    }
}
