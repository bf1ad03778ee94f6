package io.mlrollout.e2e.cluster.node;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/** A Deployment's status from its pods, written only when it says something new. */
final class DeploymentStatuses {

    private DeploymentStatuses() {
    }

    static void write(KubernetesClient client, Deployment deployment, List<Pod> owned, Instant now) {
        int desired = deployment.getSpec().getReplicas() == null ? 1 : deployment.getSpec().getReplicas();
        String hash = templateHash(deployment);
        int updated = (int) owned.stream().filter(p -> hash.equals(p.getMetadata().getLabels().get(DeploymentController.TEMPLATE_HASH)))
                .count();
        int ready = (int) owned.stream().filter(PodStatuses::isReady).count();
        DeploymentStatus old = deployment.getStatus() == null ? new DeploymentStatus() : deployment.getStatus();
        boolean available = ready >= desired;
        boolean complete = available && updated == desired && owned.size() == desired;
        DeploymentStatus status = new DeploymentStatusBuilder()
                .withObservedGeneration(deployment.getMetadata().getGeneration())
                .withReplicas(nonZero(owned.size()))
                .withUpdatedReplicas(nonZero(updated))
                .withReadyReplicas(nonZero(ready))
                .withAvailableReplicas(nonZero(ready))
                .withUnavailableReplicas(nonZero(Math.max(0, desired - ready)))
                .withConditions(
                        condition(old, "Available", available, available ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
                                available ? "Deployment has minimum availability." : "Deployment does not have minimum availability.", now),
                        condition(old, "Progressing", true, complete ? "NewReplicaSetAvailable" : "ReplicaSetUpdated",
                                "Deployment \"" + deployment.getMetadata().getName() + "\" "
                                        + (complete ? "has successfully progressed." : "is progressing."), now))
                .build();
        if (status.equals(old)) {
            return;
        }
        deployment.setStatus(status);
        client.apps().deployments().inNamespace(deployment.getMetadata().getNamespace()).resource(deployment).updateStatus();
    }

    /** The pods' template digest, as the pod-template-hash label. */
    static String templateHash(Deployment deployment) {
        try {
            String json = io.fabric8.kubernetes.client.utils.Serialization.asJson(deployment.getSpec().getTemplate());
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    // Kubernetes leaves zero counts out of the status.
    private static Integer nonZero(int value) {
        return value == 0 ? null : value;
    }

    /** Keeps the transition time of a condition whose status did not change. */
    private static DeploymentCondition condition(DeploymentStatus old, String type, boolean value, String reason, String message,
                                                 Instant now) {
        String status = value ? "True" : "False";
        DeploymentCondition previous = old.getConditions() == null ? null : old.getConditions().stream()
                .filter(c -> type.equals(c.getType())).findFirst().orElse(null);
        if (previous != null && status.equals(previous.getStatus()) && Objects.equals(reason, previous.getReason())) {
            return previous;
        }
        String since = previous != null && status.equals(previous.getStatus()) ? previous.getLastTransitionTime() : now.toString();
        return new DeploymentConditionBuilder().withType(type).withStatus(status).withReason(reason).withMessage(message)
                .withLastTransitionTime(since).withLastUpdateTime(now.toString()).build();
    }
}
