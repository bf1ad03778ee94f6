package io.mlrollout.e2e.cluster.node;

import io.fabric8.kubernetes.api.model.Binding;
import io.fabric8.kubernetes.api.model.BindingBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler of a one-node cluster: binds every pod that has no node yet to this one, through
 * the pods' binding subresource as kube-scheduler does.
 */
final class PodBinder {

    private static final Logger LOG = LoggerFactory.getLogger(PodBinder.class);

    private final KubernetesClient client;
    private final String nodeName;

    PodBinder(KubernetesClient client, String nodeName) {
        this.client = client;
        this.nodeName = nodeName;
    }

    /** Binds the unbound pods among {@code pods}; true when it bound any (the caller lists again to see them bound). */
    boolean bind(List<Pod> pods) {
        boolean bound = false;
        for (Pod pod : pods) {
            if (pod.getSpec().getNodeName() != null || pod.getMetadata().getDeletionTimestamp() != null) {
                continue;
            }
            Binding binding = new BindingBuilder().withNewMetadata().withName(pod.getMetadata().getName())
                    .withNamespace(pod.getMetadata().getNamespace()).withUid(pod.getMetadata().getUid()).endMetadata()
                    .withNewTarget().withApiVersion("v1").withKind("Node").withName(nodeName).endTarget().build();
            try {
                client.bindings().inNamespace(pod.getMetadata().getNamespace()).resource(binding).create();
                bound = true;
            } catch (KubernetesClientException e) {
                // Deleted meanwhile, or bound already: the next sync sees it as it is.
                LOG.debug("pod {} not bound: {}", pod.getMetadata().getName(), e.getMessage());
            }
        }
        return bound;
    }
}
