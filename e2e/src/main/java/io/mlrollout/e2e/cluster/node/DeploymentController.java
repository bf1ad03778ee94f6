package io.mlrollout.e2e.cluster.node;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Deployment controller, without the ReplicaSet in between: keeps {@code spec.replicas} pods
 * of the current template (labels from the template, an ownerReference to the Deployment), removes
 * extra pods (unready and newest first, as Kubernetes does), replaces pods of an old template once
 * the new ones are Ready, and reports the pods in the Deployment's status.
 */
final class DeploymentController {

    static final String TEMPLATE_HASH = "pod-template-hash";
    private static final Logger LOG = LoggerFactory.getLogger(DeploymentController.class);

    private final KubernetesClient client;
    private final String nodeName;

    DeploymentController(KubernetesClient client, String nodeName) {
        this.client = client;
        this.nodeName = nodeName;
    }

    void sync(List<Deployment> deployments, List<Pod> pods, Instant now) {
        Map<String, List<Pod>> byOwner = new HashMap<>();
        for (Pod pod : pods) {
            for (OwnerReference owner : pod.getMetadata().getOwnerReferences()) {
                byOwner.computeIfAbsent(owner.getUid(), k -> new ArrayList<>()).add(pod);
            }
        }
        for (Deployment deployment : deployments) {
            try {
                List<Pod> owned = byOwner.getOrDefault(deployment.getMetadata().getUid(), List.of());
                scale(deployment, owned);
                DeploymentStatuses.write(client, deployment, owned, now);
            } catch (KubernetesClientException e) {
                // A conflict with the operator's own write: the next sync starts from the new version.
                LOG.debug("deployment {} not synced: {}", deployment.getMetadata().getName(), e.getMessage());
            }
        }
    }

    private void scale(Deployment deployment, List<Pod> owned) {
        int desired = deployment.getSpec().getReplicas() == null ? 1 : deployment.getSpec().getReplicas();
        String hash = DeploymentStatuses.templateHash(deployment);
        List<Pod> current = owned.stream().filter(p -> hash.equals(p.getMetadata().getLabels().get(TEMPLATE_HASH))).toList();
        List<Pod> outdated = owned.stream().filter(p -> !current.contains(p)).toList();
        for (int i = current.size(); i < desired; i++) {
            client.resource(newPod(deployment, hash)).create();
        }
        current.stream().sorted(Comparator.comparing(PodStatuses::isReady).thenComparing(PodStatuses::creation, Comparator.reverseOrder()))
                .limit(Math.max(0, current.size() - desired))
                .forEach(pod -> client.resource(pod).delete());
        long readyCurrent = current.stream().filter(PodStatuses::isReady).count();
        if (readyCurrent >= desired) {
            outdated.forEach(pod -> client.resource(pod).delete());
        }
    }

    private Pod newPod(Deployment deployment, String hash) {
        Map<String, String> labels = new HashMap<>(deployment.getSpec().getTemplate().getMetadata().getLabels());
        labels.put(TEMPLATE_HASH, hash);
        String name = deployment.getMetadata().getName() + "-" + hash + "-" + randomSuffix();
        return new PodBuilder()
                .withNewMetadata()
                    .withName(name)
                    .withNamespace(deployment.getMetadata().getNamespace())
                    .withLabels(labels)
                    .withAnnotations(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                    .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("apps/v1").withKind("Deployment")
                            .withName(deployment.getMetadata().getName()).withUid(deployment.getMetadata().getUid())
                            .withController(true).withBlockOwnerDeletion(true).build())
                .endMetadata()
                .withSpec(deployment.getSpec().getTemplate().getSpec())
                .editSpec().withNodeName(nodeName).endSpec()
                .withNewStatus().withPhase("Pending").endStatus()
                .build();
    }

    private static String randomSuffix() {
        String alphabet = "bcdfghjklmnpqrstvwxz2456789";
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            suffix.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return suffix.toString();
    }
}
