package io.mlrollout.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** The kustomizations under manifests/, rendered with {@code kubectl kustomize} as users render them. */
final class Kustomize {

    private static final List<String> FILE_NAMES = List.of("kustomization.yaml", "kustomization.yml", "Kustomization");
    private static final Map<Path, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();

    private Kustomize() {
    }

    /** Every folder under manifests/ with a kustomization file (Kustomizations and Components). */
    static List<Path> all() {
        try (Stream<Path> paths = Files.walk(Repo.MANIFESTS)) {
            return paths.filter(Files::isDirectory)
                    .filter(dir -> !dir.startsWith(Repo.MANIFESTS.resolve("target"))
                            && !dir.startsWith(Repo.MANIFESTS.resolve("src")))
                    .filter(dir -> file(dir).isPresent())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The kustomizations that can be built on their own (not Components). */
    static List<Path> buildable() {
        return all().stream().filter(dir -> !isComponent(dir)).toList();
    }

    static List<Path> components() {
        return all().stream().filter(Kustomize::isComponent).toList();
    }

    static Optional<Path> file(Path dir) {
        return FILE_NAMES.stream().map(dir::resolve).filter(Files::isRegularFile).findFirst();
    }

    static JsonNode kustomization(Path dir) {
        return Yaml.readOne(file(dir).orElseThrow(() -> new IllegalArgumentException("no kustomization in " + dir)));
    }

    static boolean isComponent(Path dir) {
        return "Component".equals(kustomization(dir).path("kind").asText());
    }

    /** Names of the components (folder names) a kustomization uses, directly or through its bases. */
    static Set<String> componentsUsedBy(Path dir) {
        Set<String> names = new LinkedHashSet<>();
        JsonNode kustomization = kustomization(dir);
        for (JsonNode component : kustomization.path("components")) {
            names.add(dir.resolve(component.asText()).normalize().getFileName().toString());
        }
        for (JsonNode resource : kustomization.path("resources")) {
            Path base = dir.resolve(resource.asText()).normalize();
            if (Files.isDirectory(base)) {
                names.addAll(componentsUsedBy(base));
            }
        }
        return names;
    }

    /** {@code kubectl kustomize dir}, parsed; cached, since rendering is the slow part. */
    static List<JsonNode> render(Path dir) {
        return RENDERED.computeIfAbsent(dir.toAbsolutePath().normalize(), Kustomize::renderNow);
    }

    static List<JsonNode> renderNow(Path dir) {
        Tools.Result result = Tools.run(dir, List.of(Tools.kubectl().toString(), "kustomize", dir.toString()));
        if (result.exitCode() != 0) {
            throw new AssertionError("kubectl kustomize " + Repo.ROOT.relativize(dir) + " failed (exit "
                    + result.exitCode() + "):\n" + result.stderr());
        }
        return Yaml.readAll(result.stdout());
    }

    static String relative(Path dir) {
        return Repo.ROOT.relativize(dir.toAbsolutePath().normalize()).toString();
    }

    static Optional<JsonNode> find(List<JsonNode> objects, String kind, String name) {
        return objects.stream()
                .filter(o -> kind.equals(o.path("kind").asText()) && name.equals(o.path("metadata").path("name").asText()))
                .findFirst();
    }
}
