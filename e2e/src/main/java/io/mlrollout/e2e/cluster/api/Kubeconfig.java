package io.mlrollout.e2e.cluster.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The kubeconfig file of the simulated cluster: plain HTTP on loopback, no credentials. */
final class Kubeconfig {

    static final String CONTEXT = "mlrollout-simulated";

    private Kubeconfig() {
    }

    static Path write(Path file, String serverUrl) {
        String yaml = """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: %1$s
                    cluster:
                      server: %2$s
                contexts:
                  - name: %1$s
                    context:
                      cluster: %1$s
                      user: %1$s
                      namespace: default
                current-context: %1$s
                users:
                  - name: %1$s
                    user: {}
                """.formatted(CONTEXT, serverUrl);
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
