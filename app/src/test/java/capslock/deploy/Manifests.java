package capslock.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Kubernetes objects a kustomization renders to, as JSON trees: by {@code kubectl kustomize} where kubectl is on
 * the PATH, otherwise by reading the kustomizations' {@code resources} lists here (all that capslock's use), so that
 * a machine without kubectl still checks them.
 */
final class Manifests {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Manifests() {
    }

    static boolean kubectlPresent() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (new File(dir, "kubectl").canExecute()) {
                return true;
            }
        }
        return false;
    }

    static List<JsonNode> render(Path kustomization) throws IOException, InterruptedException {
        return kubectlPresent() ? kubectl(kustomization) : resources(kustomization);
    }

    static List<JsonNode> kubectl(Path kustomization) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("kubectl", "kustomize", kustomization.toString()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("kubectl kustomize " + kustomization + " failed: " + out);
        }
        return documents(out);
    }

    /** The objects of {@code dir}'s kustomization.yaml {@code resources}, files and directories, in order. */
    static List<JsonNode> resources(Path dir) throws IOException {
        JsonNode kustomization = YAML.readTree(dir.resolve("kustomization.yaml").toFile());
        for (String field : new String[] {"patches", "patchesStrategicMerge", "images", "namePrefix", "commonLabels", "labels"}) {
            if (kustomization.has(field)) {
                throw new IllegalStateException(dir + " uses " + field + ", which only kubectl kustomize renders");
            }
        }
        List<JsonNode> objects = new ArrayList<>();
        for (JsonNode resource : kustomization.get("resources")) {
            Path path = dir.resolve(resource.asText()).normalize();
            objects.addAll(Files.isDirectory(path) ? resources(path) : documents(Files.readString(path)));
        }
        return objects;
    }

    private static List<JsonNode> documents(String yaml) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                    docs.add(doc);
                }
            }
        }
        return docs;
    }

    static JsonNode only(List<JsonNode> objects, String kind) {
        List<JsonNode> found = objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + kind + ", found " + found.size());
        }
        return found.get(0);
    }
}
