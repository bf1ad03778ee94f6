package io.mlrollout.operator.reconciler;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Plays the controllers the mock API server lacks: the Deployment controller and the kubelet.
 * Deployments report all their pods Ready, except those told to stay unready; each Deployment with
 * replicas gets one Pod standing for them, at the pod IP the test assigns to its version.
 */
final class TestingControllers implements AutoCloseable {

    private final KubernetesClient client;
    private final String namespace;
    private final Set<String> neverReady = new HashSet<>();
    private final Map<String, String> podIps = new HashMap<>();

    TestingControllers(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
    }

    void keepUnready(String deploymentName) {
        neverReady.add(deploymentName);
    }

    void becomeReady(String deploymentName) {
        neverReady.remove(deploymentName);
    }

    /** Pods of this Deployment get this IP, so that scraping them reaches a server of the test. */
    void podIp(String deploymentName, String ip) {
        podIps.put(deploymentName, ip);
    }

    /** One pass over every Deployment; called from inside the tests' waits. */
    void sync() {
        for (Deployment deployment : client.apps().deployments().inNamespace(namespace).list().getItems()) {
            int replicas = deployment.getSpec().getReplicas() == null ? 1 : deployment.getSpec().getReplicas();
            boolean ready = !neverReady.contains(deployment.getMetadata().getName());
            reportStatus(deployment, replicas, ready ? replicas : 0);
            syncPod(deployment, replicas > 0, ready);
        }
    }

    private void reportStatus(Deployment deployment, int replicas, int ready) {
        if (deployment.getStatus() != null && Integer.valueOf(ready).equals(deployment.getStatus().getReadyReplicas())
                && Integer.valueOf(replicas).equals(deployment.getStatus().getReplicas())) {
            return;
        }
        deployment.setStatus(new DeploymentStatusBuilder().withReplicas(replicas).withReadyReplicas(ready)
                .withAvailableReplicas(ready).withUpdatedReplicas(replicas).build());
        try {
            client.apps().deployments().inNamespace(namespace).resource(deployment).updateStatus();
        } catch (KubernetesClientException e) {
            // The operator changed it meanwhile; the next pass catches up.
        }
    }

    private void syncPod(Deployment deployment, boolean wanted, boolean ready) {
        String name = deployment.getMetadata().getName() + "-pod";
        Pod existing = client.pods().inNamespace(namespace).withName(name).get();
        if (!wanted) {
            if (existing != null) {
                client.pods().inNamespace(namespace).withName(name).delete();
            }
            return;
        }
        Pod pod = new PodBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).withUid(name + "-uid")
                    .withLabels(deployment.getSpec().getTemplate().getMetadata().getLabels()).endMetadata()
                .withSpec(deployment.getSpec().getTemplate().getSpec())
                .withNewStatus().withPodIP(podIps.getOrDefault(deployment.getMetadata().getName(), "127.0.0.1"))
                    .addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition()
                .endStatus()
                .build();
        if (existing == null) {
            // The API server ignores the status of a create, as a kubelet's first report comes later.
            existing = client.resource(pod).create();
        }
        if (!pod.getStatus().equals(existing.getStatus())) {
            existing.setStatus(pod.getStatus());
            client.resource(existing).updateStatus();
        }
    }

    @Override
    public void close() {
        neverReady.clear();
    }
}
