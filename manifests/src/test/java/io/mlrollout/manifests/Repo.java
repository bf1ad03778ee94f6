package io.mlrollout.manifests;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where things are, seen from the manifests module (tests run with the module folder as working directory). */
final class Repo {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path MANIFESTS = ROOT.resolve("manifests");
    static final Path DOCS = ROOT.resolve("docs");
    static final Path CRDS = ROOT.resolve("crds");
    static final Path SAMPLES = MANIFESTS.resolve("samples");
    static final Path ARGOCD = MANIFESTS.resolve("argocd");
    static final Path API_ACCESS = ROOT.resolve("operator/src/main/resources/META-INF/mlrollout/api-access.yaml");

    static final String OPERATOR_NAMESPACE = "mlrollout-system";
    static final String OPERATOR_NAME = "mlrollout-operator";

    private Repo() {
    }

    /** The Maven project version, passed in by surefire; a run outside Maven has none. */
    static String projectVersion() {
        String version = System.getProperty("mlrollout.version");
        if (version == null || version.isBlank()) {
            throw new IllegalStateException("system property mlrollout.version is not set: run the tests through Maven");
        }
        return version;
    }

    /** Whether {@code -D<property>=true} asks the tests to rewrite generated files instead of only checking them. */
    static boolean update(String property) {
        return Boolean.getBoolean(property);
    }

    static Path crdFile(String name) {
        Path file = CRDS.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("missing " + file);
        }
        return file;
    }
}
