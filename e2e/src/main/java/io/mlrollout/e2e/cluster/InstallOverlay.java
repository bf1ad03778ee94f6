package io.mlrollout.e2e.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A kustomize overlay on manifests/base, as a platform team would write one: the gateway-api
 * component (RBAC for HTTPRoutes), one operator replica (two cores are shared with every model
 * server) and the run's default analysis interval.
 */
final class InstallOverlay {

    private InstallOverlay() {
    }

    /**
     * Writes {@code kustomization.yaml} into {@code dir} and returns the folder, for {@code kubectl apply -k}.
     *
     * @param manifests the repository's manifests folder (base/ and components/)
     */
    static Path write(Path dir, Path manifests, Duration analysisInterval) {
        Path relative = dir.toAbsolutePath().relativize(manifests.toAbsolutePath());
        String yaml = """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - %1$s/base
                components:
                  - %1$s/components/gateway-api
                patches:
                  - target:
                      kind: Deployment
                      name: mlrollout-operator
                    patch: |-
                      - op: replace
                        path: /spec/replicas
                        value: 1
                      - op: add
                        path: /spec/template/spec/containers/0/env/-
                        value:
                          name: MLROLLOUT_DEFAULT_ANALYSIS_INTERVAL
                          value: "%2$dms"
                """.formatted(relative, analysisInterval.toMillis());
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("kustomization.yaml"), yaml);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the install overlay in " + dir, e);
        }
    }
}
