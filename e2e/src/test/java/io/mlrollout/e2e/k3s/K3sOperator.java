package io.mlrollout.e2e.k3s;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mlrollout.e2e.cluster.OperatorControl;
import java.time.Duration;
import java.util.List;

/** The operator as installed by manifests/base: a Deployment in mlrollout-system with leader election. */
final class K3sOperator implements OperatorControl {

    static final String NAMESPACE = "mlrollout-system";
    static final String NAME = "mlrollout-operator";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private final KubernetesClient client;
    private final int replicas;

    K3sOperator(KubernetesClient client, int replicas) {
        this.client = client;
        this.replicas = replicas;
    }

    @Override
    public void start() {
        client.apps().deployments().inNamespace(NAMESPACE).withName(NAME).scale(replicas);
        await("the operator Deployment to be Ready").atMost(READY_TIMEOUT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            var deployment = client.apps().deployments().inNamespace(NAMESPACE).withName(NAME).get();
            Integer ready = deployment.getStatus() == null ? null : deployment.getStatus().getReadyReplicas();
            return ready != null && ready == replicas;
        });
    }

    /** Scales to zero and deletes the pods with no grace period: the operator is gone at once. */
    @Override
    public void kill() {
        client.apps().deployments().inNamespace(NAMESPACE).withName(NAME).scale(0);
        client.pods().inNamespace(NAMESPACE).withLabel("app.kubernetes.io/name", NAME).withGracePeriod(0).delete();
        await("the operator pods to be gone").atMost(READY_TIMEOUT).pollInterval(Duration.ofSeconds(1))
                .until(() -> pods().isEmpty());
    }

    @Override
    public boolean isRunning() {
        return pods().stream().anyMatch(p -> p.getStatus() != null && "Running".equals(p.getStatus().getPhase()));
    }

    @Override
    public String logTail(int lines) {
        StringBuilder text = new StringBuilder();
        for (Pod pod : pods()) {
            text.append("---- ").append(pod.getMetadata().getName()).append('\n')
                    .append(client.pods().inNamespace(NAMESPACE).withName(pod.getMetadata().getName()).tailingLines(lines).getLog())
                    .append('\n');
        }
        return text.toString();
    }

    private List<Pod> pods() {
        return client.pods().inNamespace(NAMESPACE).withLabel("app.kubernetes.io/name", NAME).list().getItems();
    }
}
