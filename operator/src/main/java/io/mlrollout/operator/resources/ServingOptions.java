package io.mlrollout.operator.resources;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.mlrollout.api.v1alpha1.BatchingSpec;
import io.mlrollout.api.v1alpha1.Durations;
import io.mlrollout.api.v1alpha1.ServingSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code spec.serving} asks of the model-server container beyond image, port and resources:
 * batching, a bearer token, TLS. Each adds to the pod template only when it is set, so a
 * ModelDeployment that uses none keeps the template (and the pods) it had.
 */
public final class ServingOptions {

    /** Set on the container when it serves HTTPS; the operator reads it back from the pod to pick the scheme. */
    public static final String TLS_CERT_FILE = "TLS_CERT_FILE";
    static final String TLS_KEY_FILE = "TLS_KEY_FILE";
    static final String TLS_VOLUME = "tls";
    static final String TLS_DIRECTORY = "/etc/mlrollout/tls";

    private final ServingSpec serving;

    ServingOptions(ServingSpec serving) {
        this.serving = serving == null ? new ServingSpec() : serving;
    }

    List<EnvVar> env() {
        List<EnvVar> env = new ArrayList<>();
        BatchingSpec batching = serving.getBatching();
        if (batching != null) {
            if (batching.getMaxBatchSize() != null) {
                env.add(new EnvVar("INFERENCE_BATCH_MAX_SIZE", Integer.toString(batching.getMaxBatchSize()), null));
            }
            if (batching.getMaxDelay() != null) {
                // Milliseconds: the server reads "2ms" but not the composite forms ("1s500ms") the CRD allows.
                env.add(new EnvVar("INFERENCE_BATCH_MAX_DELAY", Durations.parse(batching.getMaxDelay()).toMillis() + "ms", null));
            }
        }
        if (serving.getAuthToken() != null) {
            env.add(new EnvVarBuilder().withName("AUTH_TOKEN").withNewValueFrom()
                    .withNewSecretKeyRef(serving.getAuthToken().getKey(), serving.getAuthToken().getName(), false)
                    .endValueFrom().build());
        }
        if (tls()) {
            env.add(new EnvVar(TLS_CERT_FILE, TLS_DIRECTORY + "/tls.crt", null));
            env.add(new EnvVar(TLS_KEY_FILE, TLS_DIRECTORY + "/tls.key", null));
        }
        return env;
    }

    Optional<Volume> volume() {
        return tls() ? Optional.of(new VolumeBuilder().withName(TLS_VOLUME).withNewSecret()
                .withSecretName(serving.getTls().getSecretName()).endSecret().build()) : Optional.empty();
    }

    Optional<VolumeMount> volumeMount() {
        return tls() ? Optional.of(new VolumeMountBuilder().withName(TLS_VOLUME).withMountPath(TLS_DIRECTORY).withReadOnly(true).build())
                : Optional.empty();
    }

    /**
     * HTTPS with TLS (the kubelet does not verify a probe's certificate, so any certificate the user
     * brings works); otherwise null, the API server's default HTTP, so the template stays as it was.
     */
    String probeScheme() {
        return tls() ? "HTTPS" : null;
    }

    private boolean tls() {
        return serving.getTls() != null;
    }
}
