package io.mlrollout.operator.reconciler;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mlrollout.api.v1alpha1.ModelDeployment;
import io.mlrollout.api.v1alpha1.ModelRef;
import io.mlrollout.operator.metrics.PodEndpoint;
import io.mlrollout.operator.resources.Labels;
import io.mlrollout.operator.resources.VersionNames;
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
                        httpPort(pod)))
                .toList();
    }

    private static boolean isReady(Pod pod) {
        return pod.getStatus() != null && pod.getStatus().getPodIP() != null && pod.getStatus().getConditions() != null
                && pod.getStatus().getConditions().stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()))
                && pod.getMetadata().getDeletionTimestamp() == null;
    }

    /** The model server's container port (named http), as the Deployment declares it. */
    static int httpPort(Pod pod) {
        return pod.getSpec().getContainers().stream().flatMap(c -> c.getPorts().stream())
                .filter(p -> "http".equals(p.getName())).map(ContainerPort::getContainerPort).findFirst().orElse(8080);
    }
}
