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
