package io.mlrollout.e2e.cluster;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mlrollout.e2e.cluster.process.Waits;
import java.time.Duration;
import java.util.List;

/**
 * The operator as users install it (manifests/base): a Deployment in mlrollout-system, with leader
 * election. Killing it scales the Deployment to zero and deletes its pods with no grace period, so
 * it is gone at once and stays gone until {@link #start()} scales it back.
 */
public final class InstalledOperator implements OperatorControl {

    public static final String NAMESPACE = "mlrollout-system";
    public static final String NAME = "mlrollout-operator";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private final KubernetesClient client;
    private final int replicas;
    private final PodLogs podLogs;

    /** The last lines of one pod's log, as a cluster can read it. */
    @FunctionalInterface
    public interface PodLogs {
        String tail(Pod pod, int lines);
    }

    public InstalledOperator(KubernetesClient client, int replicas, PodLogs podLogs) {
        this.client = client;
        this.replicas = replicas;
        this.podLogs = podLogs;
    }

    @Override
    public void start() {
        client.apps().deployments().inNamespace(NAMESPACE).withName(NAME).scale(replicas);
        Waits.until("the operator Deployment to have " + replicas + " Ready pods", READY_TIMEOUT, () -> {
            Deployment deployment = client.apps().deployments().inNamespace(NAMESPACE).withName(NAME).get();
            Integer ready = deployment == null || deployment.getStatus() == null ? null : deployment.getStatus().getReadyReplicas();
            return ready != null && ready == replicas;
        });
    }

    @Override
    public void kill() {
        client.apps().deployments().inNamespace(NAMESPACE).withName(NAME).scale(0);
        client.pods().inNamespace(NAMESPACE).withLabel("app.kubernetes.io/name", NAME).withGracePeriod(0).delete();
        Waits.until("the operator pods to be gone", READY_TIMEOUT, () -> pods().isEmpty());
    }

    @Override
    public boolean isRunning() {
        return pods().stream().anyMatch(p -> p.getStatus() != null && "Running".equals(p.getStatus().getPhase()));
    }

    @Override
    public String logTail(int lines) {
        StringBuilder text = new StringBuilder();
        for (Pod pod : pods()) {
            text.append("---- pod ").append(pod.getMetadata().getName()).append('\n').append(podLogs.tail(pod, lines)).append('\n');
        }
        return text.length() == 0 ? "(no operator pod)" : text.toString();
    }

    private List<Pod> pods() {
        return client.pods().inNamespace(NAMESPACE).withLabel("app.kubernetes.io/name", NAME).list().getItems();
    }
}
