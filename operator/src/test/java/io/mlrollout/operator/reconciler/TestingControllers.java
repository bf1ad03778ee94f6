package io.mlrollout.operator.reconciler;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.HashSet;
import java.util.Set;

/**
 * Plays the controllers the mock API server lacks: the Deployment controller and the kubelet.
 * Deployments report all their pods Ready, except those of versions told to stay unready.
 */
final class TestingControllers {

    private final KubernetesClient client;
    private final String namespace;
    private final Set<String> neverReady = new HashSet<>();

    TestingControllers(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
    }

    void keepUnready(String deploymentName) {
        neverReady.add(deploymentName);
    }

    /** One pass over every Deployment; called from inside the tests' waits. */
    void sync() {
        for (Deployment deployment : client.apps().deployments().inNamespace(namespace).list().getItems()) {
            int replicas = deployment.getSpec().getReplicas() == null ? 1 : deployment.getSpec().getReplicas();
            int ready = neverReady.contains(deployment.getMetadata().getName()) ? 0 : replicas;
            if (deployment.getStatus() != null && Integer.valueOf(ready).equals(deployment.getStatus().getReadyReplicas())
                    && Integer.valueOf(replicas).equals(deployment.getStatus().getReplicas())) {
                continue;
            }
            deployment.setStatus(new DeploymentStatusBuilder().withReplicas(replicas).withReadyReplicas(ready)
                    .withAvailableReplicas(ready).withUpdatedReplicas(replicas).build());
            try {
                client.apps().deployments().inNamespace(namespace).resource(deployment).updateStatus();
            } catch (KubernetesClientException e) {
                // The operator changed it meanwhile; the next pass catches up.
            }
        }
    }
}
