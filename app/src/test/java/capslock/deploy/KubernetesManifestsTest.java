package capslock.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import capslock.Capslock;
import capslock.common.Durations;
import capslock.common.Protocol;
import capslock.common.Sizes;
import capslock.common.cli.CommandRunner;
import capslock.server.CapslockServer;
import capslock.server.ServerCommand;
import capslock.server.ServerConfig;
import capslock.server.admin.AdminServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * deploy/k8s, rendered (by kubectl kustomize where it is installed), checked against the code it deploys: the ports
 * are the server's defaults, the probes' paths answer on a real admin endpoint, the grace period outlasts the drain,
 * the environment names real options, the memory flags fit the limits, the images are the Dockerfile's targets, and
 * the bench Job's arguments are a valid bench command against the Service.
 */
class KubernetesManifestsTest {
    static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    static List<JsonNode> base;
    static List<JsonNode> bench;
    static JsonNode deployment;
    static JsonNode container;

    @BeforeAll
    static void render() throws Exception {
        base = Manifests.render(ROOT.resolve("deploy/k8s"));
        bench = Manifests.render(ROOT.resolve("deploy/k8s/overlays/bench"));
        deployment = Manifests.only(base, "Deployment");
        container = deployment.at("/spec/template/spec/containers/0");
    }

    private static String names(List<JsonNode> objects) {
        return objects.stream().map(o -> o.path("kind").asText() + "/" + o.at("/metadata/name").asText()).sorted().toList().toString();
    }

    @Test
    void theBaseIsADeploymentItsServiceAndABudgetAndTheOverlayAddsTheJob() throws Exception {
        assertThat(names(base)).isEqualTo("[Deployment/capslock, PodDisruptionBudget/capslock, Service/capslock]");
        assertThat(names(bench)).isEqualTo("[Deployment/capslock, Job/capslock-bench, PodDisruptionBudget/capslock, Service/capslock]");
        if (Manifests.kubectlPresent()) {
            assertThat(names(Manifests.resources(ROOT.resolve("deploy/k8s")))).as("kubectl and the plain reading agree")
                    .isEqualTo(names(base));
        }
        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(2);
    }

    private static int port(JsonNode ports, String name) {
        return StreamSupport.stream(ports.spliterator(), false).filter(p -> p.path("name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no port " + name)).path(ports == container.get("ports")
                        ? "containerPort" : "port").asInt();
    }

    @Test
    void thePortsAreTheServersDefaultsOnTheContainerAndTheService() {
        assertThat(port(container.get("ports"), "capslock")).isEqualTo(Protocol.PORT);
        assertThat(port(container.get("ports"), "admin")).isEqualTo(Integer.parseInt(ServerCommand.DEFAULT_ADMIN_PORT));
        JsonNode service = Manifests.only(base, "Service");
        assertThat(port(service.at("/spec/ports"), "capslock")).isEqualTo(Protocol.PORT);
        assertThat(port(service.at("/spec/ports"), "admin")).isEqualTo(Integer.parseInt(ServerCommand.DEFAULT_ADMIN_PORT));
        JsonNode labels = deployment.at("/spec/template/metadata/labels");
        service.at("/spec/selector").fields().forEachRemaining(e -> assertThat(labels.path(e.getKey()).asText()).isEqualTo(e.getValue().asText()));
        Manifests.only(base, "PodDisruptionBudget").at("/spec/selector/matchLabels").fields()
                .forEachRemaining(e -> assertThat(labels.path(e.getKey()).asText()).isEqualTo(e.getValue().asText()));
        JsonNode annotations = deployment.at("/spec/template/metadata/annotations");
        assertThat(annotations.path("prometheus.io/scrape").asText()).isEqualTo("true");
        assertThat(annotations.path("prometheus.io/port").asInt()).isEqualTo(Integer.parseInt(ServerCommand.DEFAULT_ADMIN_PORT));
    }

    /** The probes, and the Prometheus scrape path, asked of a real admin endpoint: each must answer 200. */
    @Test
    void theProbesAndTheScrapePathExistOnTheAdminEndpoint() throws Exception {
        List<String> paths = List.of(container.at("/readinessProbe/httpGet/path").asText(),
                container.at("/livenessProbe/httpGet/path").asText(),
                deployment.at("/spec/template/metadata/annotations").path("prometheus.io/path").asText());
        assertThat(paths).containsExactly("/health/ready", "/health/live", "/metrics");
        assertThat(container.at("/readinessProbe/httpGet/port").asText()).isEqualTo("admin");
        assertThat(container.at("/livenessProbe/httpGet/port").asText()).isEqualTo("admin");
        HttpClient http = HttpClient.newHttpClient();
        try (CapslockServer server = CapslockServer.start(ServerConfig.loopback());
             AdminServer admin = AdminServer.start(server, "127.0.0.1", 0)) {
            for (String path : paths) {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin.port() + path))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(path).isEqualTo(200);
            }
        }
    }

    private static Map<String, String> environment(JsonNode c) {
        Map<String, String> env = new HashMap<>();
        c.path("env").forEach(e -> env.put(e.get("name").asText(), e.get("value").asText()));
        return env;
    }

    /** Every CAPSLOCK_SERVER_* variable names one of the server's options, with a value it takes. */
    @Test
    void theEnvironmentSetsRealServerOptions() {
        Map<String, String> env = environment(container);
        ServerCommand command = new ServerCommand();
        CommandLine cli = CommandRunner.commandLine(command, env);
        cli.parseArgs();
        for (String name : env.keySet()) {
            if (name.startsWith("CAPSLOCK_SERVER_")) {
                String option = "--" + name.substring("CAPSLOCK_SERVER_".length()).toLowerCase(java.util.Locale.ROOT).replace('_', '-');
                assertThat(cli.getCommandSpec().findOption(option)).as(name + " names " + option).isNotNull();
            }
        }
        assertThat(cli.getCommandSpec().findOption("--max-connections").<Integer>getValue()).isEqualTo(2000);
    }

    @Test
    void theGracePeriodOutlastsThePreStopPauseAndTheDrain() {
        Map<String, String> env = environment(container);
        Duration drain = Durations.parse(env.getOrDefault("CAPSLOCK_SERVER_DRAIN_TIMEOUT", ServerCommand.DEFAULT_DRAIN_TIMEOUT));
        JsonNode preStop = container.at("/lifecycle/preStop/exec/command");
        assertThat(preStop.get(0).asText()).isEqualTo("sleep");
        long pause = preStop.get(1).asLong();
        long grace = deployment.at("/spec/template/spec/terminationGracePeriodSeconds").asLong();
        assertThat(grace).as("grace period, against preStop + drain + 5 s to close and exit")
                .isGreaterThanOrEqualTo(pause + drain.toSeconds() + 5);
        assertThat(deployment.at("/spec/strategy/rollingUpdate/maxUnavailable").asInt()).isZero();
    }

    /** Heap (a share of the limit) plus the direct-memory cap plus 192 MiB for the JVM's own use fit in the memory limit. */
    @Test
    void resourcesAreSetAndTheJvmsMemoryFitsTheLimit() {
        JsonNode resources = container.get("resources");
        for (String kind : new String[] {"requests", "limits"}) {
            assertThat(resources.at("/" + kind + "/cpu").asText()).as(kind + " cpu").isNotEmpty();
            assertThat(resources.at("/" + kind + "/memory").asText()).as(kind + " memory").isNotEmpty();
        }
        long limit = quantity(resources.at("/limits/memory").asText());
        String options = environment(container).get("CAPSLOCK_JAVA_OPTS");
        double percent = Double.parseDouble(flag(options, "MaxRAMPercentage=([\\d.]+)"));
        long direct = Sizes.parse(flag(options, "MaxDirectMemorySize=(\\w+)"));
        assertThat((long) (limit * percent / 100) + direct + (192L << 20)).isLessThanOrEqualTo(limit);
        assertThat(options).contains("-XX:+ExitOnOutOfMemoryError");
    }

    private static String flag(String options, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(options);
        assertThat(m.find()).as(options + " sets " + pattern).isTrue();
        return m.group(1);
    }

    private static long quantity(String text) {
        return Sizes.parse(text.replace("Mi", "MiB").replace("Gi", "GiB"));
    }

    @Test
    void theContainersRunAsTheImagesUserWithoutPrivilegesOnAReadOnlyRoot() throws Exception {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        assertThat(dockerfile).contains("USER 10001:10001");
        for (List<JsonNode> objects : List.of(base, bench)) {
            for (JsonNode o : objects) {
                JsonNode pod = o.at("/spec/template/spec");
                if (pod.isMissingNode()) {
                    continue;
                }
                assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
                assertThat(pod.at("/securityContext/runAsUser").asInt()).isEqualTo(10001);
                JsonNode c = pod.at("/containers/0/securityContext");
                assertThat(c.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
                assertThat(c.path("readOnlyRootFilesystem").asBoolean()).isTrue();
                assertThat(c.at("/capabilities/drop/0").asText()).isEqualTo("ALL");
            }
        }
    }

    /** The images are what the Dockerfile's targets build and docker-compose.yml names them. */
    @Test
    void theImagesAreTheDockerfilesTargets() throws Exception {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        String compose = Files.readString(ROOT.resolve("docker-compose.yml"));
        assertThat(dockerfile).contains("AS server").contains("AS client").contains("docker build --target server -t capslock-server .")
                .contains("docker build --target client -t capslock .");
        assertThat(container.get("image").asText()).startsWith("capslock-server:");
        assertThat(compose).contains("image: capslock-server:latest").contains("image: capslock:latest");
        JsonNode job = Manifests.only(bench, "Job");
        assertThat(job.at("/spec/template/spec/containers/0/image").asText()).startsWith("capslock:");
    }

    @Test
    void theBenchJobIsIndexedAndItsPodsRunAValidBenchAgainstTheService() {
        JsonNode job = Manifests.only(bench, "Job");
        assertThat(job.at("/spec/completionMode").asText()).isEqualTo("Indexed");
        assertThat(job.at("/spec/parallelism").asInt()).isGreaterThan(1).isEqualTo(job.at("/spec/completions").asInt());
        List<String> args = StreamSupport.stream(job.at("/spec/template/spec/containers/0/args").spliterator(), false)
                .map(JsonNode::asText).toList();
        CommandLine cli = CommandRunner.commandLine(new Capslock(), Map.of());
        CommandLine.ParseResult parsed = cli.parseArgs(args.toArray(String[]::new));
        CommandLine.ParseResult benchArgs = parsed.subcommand();
        assertThat(benchArgs.commandSpec().name()).isEqualTo("bench");
        assertThat(benchArgs.matchedOptionValue("--host", "")).isEqualTo(Manifests.only(base, "Service").at("/metadata/name").asText());
        assertThat(benchArgs.matchedOptionValue("--port", 0)).isEqualTo(Protocol.PORT);
        assertThat(benchArgs.matchedOptionValue("--json", Path.of("x"))).isEqualTo(Path.of("-"));
    }
}
