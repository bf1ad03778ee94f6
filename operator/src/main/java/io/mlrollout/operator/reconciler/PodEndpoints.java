package io.mlrollout.operator.reconciler;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mlrollout.api.v1alpha1.ModelDeployment;
import io.mlrollout.api.v1alpha1.ModelRef;
import io.mlrollout.operator.metrics.PodEndpoint;
import io.mlrollout.operator.resources.Labels;
import io.mlrollout.operator.resources.ServingOptions;
import io.mlrollout.api.v1alpha1.VersionNames;
import java.net.URI;
import java.util.List;

/** The Ready pods of a model version, addressed by pod IP and container port. */
final class PodEndpoints {

    private final KubernetesClient client;

    PodEndpoints(KubernetesClient client) {
        this.client = client;
    }

    List<PodEndpoint> ready(ModelDeployment md, ModelRef model) {
        if (model == null) {
            return List.of();
        }
        return client.pods().inNamespace(md.getMetadata().getNamespace())
                .withLabel(Labels.MODEL_DEPLOYMENT, md.getMetadata().getName())
                .withLabel(Labels.VERSION, VersionNames.slug(model))
                .list().getItems().stream()
                .filter(PodEndpoints::isReady)
                .map(pod -> new PodEndpoint(pod.getMetadata().getName(), pod.getMetadata().getUid(), pod.getStatus().getPodIP(),
                        httpPort(pod), servesTls(pod)))
                .toList();
    }

    private static boolean isReady(Pod pod) {
        return pod.getStatus() != null && pod.getStatus().getPodIP() != null && pod.getStatus().getConditions() != null
                && pod.getStatus().getConditions().stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()))
                && pod.getMetadata().getDeletionTimestamp() == null;
    }

    /** Whether the model server speaks HTTPS, as its container's environment says ({@code spec.serving.tls}). */
    static boolean servesTls(Pod pod) {
        return pod.getSpec().getContainers().stream().filter(c -> c.getEnv() != null).flatMap(c -> c.getEnv().stream())
                .anyMatch(env -> ServingOptions.TLS_CERT_FILE.equals(env.getName()));
    }

    /** The pod's model server at {@code path}, over HTTP or HTTPS as the pod serves it. */
    static URI uri(Pod pod, String path) {
        return URI.create(new PodEndpoint(pod.getMetadata().getName(), pod.getMetadata().getUid(), pod.getStatus().getPodIP(),
                httpPort(pod), servesTls(pod)).url(path));
    }

    /** The model server's container port (named http), as the Deployment declares it. */
    static int httpPort(Pod pod) {
        return pod.getSpec().getContainers().stream().flatMap(c -> c.getPorts().stream())
                .filter(p -> "http".equals(p.getName())).map(ContainerPort::getContainerPort).findFirst().orElse(8080);
    }
}
