package io.mlrollout.e2e.cluster.process;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the repository and the built applications under test are. The scenarios run the real
 * programs, so a missing build is an error that says how to build, never a skipped test.
 */
public final class BuiltApplications {

    public static final String BUILD_COMMAND = "./mvnw -B -q -pl e2e -am install -DskipTests";

    private final Path repository;

    private BuiltApplications(Path repository) {
        this.repository = repository;
    }

    /** From the {@code mlrollout.repository} property, else the nearest folder above the working directory holding the modules. */
    public static BuiltApplications locate() {
        String configured = System.getProperty("mlrollout.repository");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("operator")) && Files.isDirectory(dir.resolve("model-server"))
                    && Files.isDirectory(dir.resolve("crds"))) {
                return new BuiltApplications(dir);
            }
        }
        throw new IllegalStateException("Cannot find the mlrollout repository above " + start
                + "; run from inside it or set -Dmlrollout.repository=<path>");
    }

    public Path repository() {
        return repository;
    }

    public Path operatorJar() {
        return built("operator");
    }

    public Path modelServerJar() {
        return built("model-server");
    }

    public Path crds() {
        return repository.resolve("crds");
    }

    public Path samples() {
        return repository.resolve("manifests").resolve("samples");
    }

    private Path built(String module) {
        Path jar = repository.resolve(module).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The " + module + " application is not built: " + jar + " is missing. Build it first: "
                    + BUILD_COMMAND + " (or ./mvnw -B verify, which packages every module before e2e runs)");
        }
        return jar;
    }
}
