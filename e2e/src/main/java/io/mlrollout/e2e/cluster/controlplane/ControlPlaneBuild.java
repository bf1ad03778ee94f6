package io.mlrollout.e2e.cluster.controlplane;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The kube-apiserver, kube-controller-manager and etcd binaries, built from source by
 * {@code e2e/controlplane/build} into a cache that outlives {@code target/}. The first build takes
 * many minutes; after that the script only checks its stamp.
 */
final class ControlPlaneBuild {

    private static final long BUILD_TIMEOUT_MINUTES = 40;

    private ControlPlaneBuild() {
    }

    /** The folder holding the binaries; builds them first when the cache lacks this release. */
    static Path binaries(Path repository) {
        Path script = repository.resolve("e2e").resolve("controlplane").resolve("build");
        try {
            // The build's progress goes to this console: a fresh machine spends minutes here.
            Process process = new ProcessBuilder(script.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(BUILD_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("building the control plane took over " + BUILD_TIMEOUT_MINUTES + " minutes: " + script);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("building the control plane failed (exit " + process.exitValue() + "); run " + script
                        + " to see why");
            }
            Path dir = Path.of(output.lines().reduce((first, last) -> last).orElse(""));
            for (String binary : new String[] {"kube-apiserver", "kube-controller-manager", "etcd"}) {
                if (!Files.isExecutable(dir.resolve(binary))) {
                    throw new IllegalStateException(script + " printed " + dir + ", which holds no " + binary);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the control plane", e);
        }
    }
}
