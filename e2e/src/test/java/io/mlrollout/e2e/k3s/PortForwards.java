package io.mlrollout.e2e.k3s;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.LocalPortForward;
import io.mlrollout.e2e.cluster.PodNetwork;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pod IPs of k3s live inside its container, out of this JVM's reach: each pod port is reached
 * through its own port-forward on a loopback port, opened on first use and kept for the run.
 */
final class PortForwards implements PodNetwork, AutoCloseable {

    private final KubernetesClient client;
    private final Map<String, LocalPortForward> forwards = new ConcurrentHashMap<>();

    PortForwards(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public URI baseUri(Pod pod, int containerPort) {
        LocalPortForward forward = forwards.computeIfAbsent(pod.getMetadata().getUid() + ":" + containerPort,
                key -> client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
                        .portForward(containerPort));
        return URI.create("http://127.0.0.1:" + forward.getLocalPort());
    }

    @Override
    public void close() {
        for (LocalPortForward forward : forwards.values()) {
            try {
                forward.close();
            } catch (IOException e) {
                // Closing the cluster anyway.
            }
        }
    }
}
