package io.mlrollout.e2e.cluster.node;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;

/**
 * What a kubelet does to keep its node in a real cluster: registers the Node with Ready=True, its
 * address and capacity, and renews its Lease in kube-node-lease, without which the node lifecycle
 * controller marks the node NotReady and its pods unready (about 40 s after the last renewal).
 */
final class NodeRegistration {

    static final String LEASE_NAMESPACE = "kube-node-lease";
    private static final Duration RENEW_EVERY = Duration.ofSeconds(10);
    private static final int LEASE_SECONDS = 40;

    private final KubernetesClient client;
    private final String nodeName;
    private Instant renewed = Instant.EPOCH;
    private Instant readySince;

    NodeRegistration(KubernetesClient client, String nodeName) {
        this.client = client;
        this.nodeName = nodeName;
    }

    /** Registers the node (once) and renews its lease when due. */
    void heartbeat(Instant now) {
        if (Duration.between(renewed, now).compareTo(RENEW_EVERY) < 0) {
            return;
        }
        Node node = client.nodes().withName(nodeName).get();
        if (node == null) {
            node = client.nodes().resource(new NodeBuilder().withNewMetadata().withName(nodeName)
                    .withLabels(Map.of("kubernetes.io/hostname", nodeName, "kubernetes.io/os", "linux", "kubernetes.io/arch", "amd64"))
                    .endMetadata().build()).create();
        }
        if (readySince == null) {
            readySince = now;
        }
        node.setStatus(NodeStatuses.ready(now, readySince));
        try {
            client.nodes().resource(node).updateStatus();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                // The node lifecycle controller changed the Node meanwhile (taints at registration): next sync.
                return;
            }
            throw e;
        }
        renewLease(now, node.getMetadata().getUid());
        renewed = now;
    }

    private void renewLease(Instant now, String nodeUid) {
        Lease lease = client.leases().inNamespace(LEASE_NAMESPACE).withName(nodeName).get();
        if (lease == null) {
            lease = new LeaseBuilder().withNewMetadata().withName(nodeName).withNamespace(LEASE_NAMESPACE)
                    .addNewOwnerReference().withApiVersion("v1").withKind("Node").withName(nodeName)
                    .withUid(nodeUid).endOwnerReference().endMetadata()
                    .withNewSpec().withHolderIdentity(nodeName).withLeaseDurationSeconds(LEASE_SECONDS)
                    .withRenewTime(ZonedDateTime.ofInstant(now, ZoneOffset.UTC)).endSpec().build();
            client.leases().inNamespace(LEASE_NAMESPACE).resource(lease).create();
            return;
        }
        lease.getSpec().setRenewTime(ZonedDateTime.ofInstant(now, ZoneOffset.UTC));
        client.leases().inNamespace(LEASE_NAMESPACE).resource(lease).update();
    }
}
