package capslock.demo;

import static org.assertj.core.api.Assertions.assertThat;

import capslock.common.WaterMark;
import capslock.common.net.TransportConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The web view's HTTP API without a browser: the state, starting runs (and refusing bad ones), the event stream, the export. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DemoWebTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private DemoWeb web;

    @BeforeEach
    void start() {
        web = new DemoWeb(new DemoSettings(null, 0, 0, 2L << 20, 1024, Duration.ofSeconds(1), 512L << 20,
                TransportConfig.defaults().withWaterMark(WaterMark.defaults()).withSocketBuffers(64 * 1024, 64 * 1024), null),
                "127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        web.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/api/runs")).POST(HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> stopRun() throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/api/runs/stop")).POST(HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + web.port() + path);
    }

    @Test
    void theStateNamesTheScenariosAndTheDefaults() throws Exception {
        JsonNode state = JSON.readTree(get("/api/state").body());
        assertThat(state.get("scenarios")).hasSize(5);
        assertThat(state.get("scenarios").get(0).get("label").asText()).isEqualTo("the book's client");
        assertThat(state.get("defaults").get("bytes").asText()).isEqualTo("2MiB");
        assertThat(state.get("defaults").get("waterMark").asText()).isEqualTo("32KiB:64KiB");
        assertThat(state.get("server").asText()).isEqualTo("in-process");
        assertThat(state.get("runs")).isEmpty();
        assertThat(get("/").body()).contains("<script src=\"/assets/demo.js\"></script>");
        assertThat(get("/assets/demo.js").body()).contains("new EventSource('/api/events')");
        assertThat(get("/nothing").statusCode()).isEqualTo(404);
    }

    @Test
    void badRequestsAreRefusedWithTheReason() throws Exception {
        assertThat(post("{\"scenario\": 9}").body()).isEqualTo("{\"error\":\"scenario must be 1 to 5\"}");
        assertThat(post("{\"writer\": \"sloppy\"}").body()).isEqualTo("{\"error\":\"writer must be one of [naive, watermark], not 'sloppy'\"}");
        assertThat(post("{\"bytes\": \"1GiB\"}").body()).isEqualTo("{\"error\":\"bytes must be from 1 B to 256 MiB\"}");
        assertThat(post("{\"waterMark\": \"64KiB:32KiB\"}").body())
                .isEqualTo("{\"error\":\"low water mark 64 KiB is above the high water mark 32 KiB\"}");
        assertThat(post("{\"readRate\": \"slow\"}").body()).contains("is not a rate");
        HttpResponse<String> notJson = post("scenario=1");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).isEqualTo("{\"error\":\"the request is not JSON\"}");
        assertThat(get("/api/runs").statusCode()).isEqualTo(405);
    }

    @Test
    void aLargerBytesOptionRaisesTheLargestRunThePageMaySend() {
        DemoSettings large = new DemoSettings(null, 0, 0, 1L << 30, 1024, Duration.ofSeconds(1), 512L << 20,
                TransportConfig.defaults(), null);
        try (DemoWeb bigger = new DemoWeb(large, "127.0.0.1", 0)) {
            assertThat(bigger.largestPayload()).isEqualTo(1L << 30);
        }
        assertThat(web.largestPayload()).isEqualTo(DemoWeb.LARGEST_PAYLOAD);
    }

    /** A tab that subscribes sees the run start, its points, and its result; a second run must wait for the first. */
    @Test
    void aRunIsPushedAsItGoesAndListedWhenItEnds() throws Exception {
        HttpResponse<Stream<String>> events = http.send(HttpRequest.newBuilder(uri("/api/events")).build(),
                HttpResponse.BodyHandlers.ofLines());
        Iterator<String> lines = events.body().iterator();
        assertThat(lines.next()).isEqualTo("event: state");

        HttpResponse<String> started = post("{\"writer\": \"watermark\", \"reader\": \"concurrent\", \"bytes\": \"1MiB\", \"readRate\": \"4MB/s\"}");
        assertThat(started.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(started.body()).get("id").asInt()).isEqualTo(1);
        HttpResponse<String> busy = post("{\"scenario\": 1}");
        assertThat(busy.statusCode()).isEqualTo(409);

        boolean sawRun = false;
        int points = 0;
        JsonNode result = null;
        String event = "state";
        while (result == null && lines.hasNext()) {
            String line = lines.next();
            if (line.startsWith("event: ")) {
                event = line.substring(7);
            } else if (line.startsWith("data: ")) {
                JsonNode data = JSON.readTree(line.substring(6));
                switch (event) {
                    case "run" -> sawRun = data.get("label").asText().contains("reader at 4.0 MB/s");
                    case "points" -> points += data.get("points").size();
                    case "result" -> result = data;
                    default -> { }
                }
            }
        }
        events.body().close();
        assertThat(sawRun).isTrue();
        assertThat(points).as("a quarter second's worth of reading at 4 MB/s, sampled every 50 ms").isGreaterThan(3);
        assertThat(result.get("summary").get("outcome").asText()).isEqualTo("completed");
        assertThat(result.get("summary").get("seconds").asDouble()).as("the slow reader set the pace").isGreaterThan(0.2);

        JsonNode runs = JSON.readTree(get("/api/runs.json").body());
        assertThat(runs).hasSize(1);
        assertThat(get("/api/runs.json").headers().firstValue("content-disposition")).hasValue("attachment; filename=\"capslock-runs.json\"");
        assertThat(runs.get(0).get("spec").get("readRate").asLong()).isEqualTo(4_000_000);
    }

    /**
     * A run the page started that would take hours (2 MiB read at 100 B/s) ends when the page's Stop button asks, as
     * interrupted, and joins the runs; the next run may start; with nothing running, a stop is refused.
     */
    @Test
    void theRunInProgressCanBeStopped() throws Exception {
        assertThat(stopRun().statusCode()).isEqualTo(409);
        assertThat(stopRun().body()).isEqualTo("{\"error\":\"no run is in progress\"}");

        assertThat(post("{\"writer\": \"watermark\", \"reader\": \"concurrent\", \"readRate\": \"100\"}").statusCode())
                .isEqualTo(202);
        HttpResponse<String> stopped = stopRun();
        assertThat(stopped.statusCode()).isEqualTo(202);

        capslock.common.testing.Eventually.await("the stopped run is listed", Duration.ofSeconds(30),
                () -> web.runs().size() == 1);
        JsonNode run = JSON.readTree(get("/api/runs.json").body()).get(0);
        assertThat(run.get("summary").get("outcome").asText()).isEqualTo("interrupted");
        assertThat(run.get("summary").get("explanation").asText()).startsWith("interrupted by the page's Stop button after ");
        assertThat(post("{\"scenario\": 4}").statusCode()).as("the next run may start").isEqualTo(202);
    }
}
