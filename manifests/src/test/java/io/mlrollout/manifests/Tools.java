package io.mlrollout.manifests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real command-line tools the manifests are for. A missing tool is a failure with a
 * message that says how to install it, never a skipped test.
 */
final class Tools {

    record Result(int exitCode, String stdout, String stderr) {
    }

    private Tools() {
    }

    static Path kubectl() {
        return find("kubectl", "KUBECTL", "kubectl is needed to render the kustomizations (kubectl kustomize); "
                + "install it (it is at /usr/bin/kubectl on the build machines) or point KUBECTL at it");
    }

    static Path lua() {
        return find("lua5.1", "LUA", "lua5.1 is needed to run the Argo CD health check as Argo CD does; "
                + "install it with: apt-get install -y lua5.1 (it is listed in .ci/packages)");
    }

    private static Path find(String name, String environmentVariable, String howToInstall) {
        String configured = System.getenv(environmentVariable);
        if (configured != null && !configured.isBlank()) {
            return executable(Path.of(configured), howToInstall);
        }
        List<Path> candidates = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isBlank()) {
                candidates.add(Path.of(dir, name));
            }
        }
        candidates.add(Path.of("/usr/bin", name));
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError(name + " not found on PATH nor in /usr/bin. " + howToInstall);
    }

    private static Path executable(Path path, String howToInstall) {
        if (!Files.isExecutable(path)) {
            throw new AssertionError(path + " is not executable. " + howToInstall);
        }
        return path;
    }

    static Result run(Path workingDirectory, List<String> command) {
        try {
            Path out = Files.createTempFile("mlrollout-tool", ".out");
            Path err = Files.createTempFile("mlrollout-tool", ".err");
            try {
                Process process = new ProcessBuilder(command).directory(workingDirectory.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("timed out after 30s: " + String.join(" ", command));
                }
                return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError("could not run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + String.join(" ", command), e);
        }
    }
}
