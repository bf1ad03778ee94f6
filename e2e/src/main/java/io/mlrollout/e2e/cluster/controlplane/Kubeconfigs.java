package io.mlrollout.e2e.cluster.controlplane;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Kubeconfig files for the control plane: one per user, each trusting the run's CA. */
final class Kubeconfigs {

    static final String CONTEXT = "mlrollout-e2e";

    private Kubeconfigs() {
    }

    /** A user authenticated by a client certificate. */
    static Path withCertificate(Path file, String server, Path ca, Pki.KeyPair user) {
        return write(file, server, ca, """
                      client-certificate: %s
                      client-key: %s
                """.formatted(user.certificate(), user.key()));
    }

    /** A user authenticated by a bearer token, e.g. a service account's. */
    static Path withToken(Path file, String server, Path ca, String token) {
        return write(file, server, ca, """
                      token: %s
                """.formatted(token));
    }

    private static Path write(Path file, String server, Path ca, String user) {
        String yaml = """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: %1$s
                    cluster:
                      server: %2$s
                      certificate-authority: %3$s
                contexts:
                  - name: %1$s
                    context:
                      cluster: %1$s
                      user: %1$s
                      namespace: default
                current-context: %1$s
                users:
                  - name: %1$s
                    user:
                """.formatted(CONTEXT, server, ca) + user;
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
