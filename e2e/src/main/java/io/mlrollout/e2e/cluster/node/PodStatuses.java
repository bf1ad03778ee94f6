package io.mlrollout.e2e.cluster.node;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import java.time.Instant;
import java.util.List;

/** The status a kubelet would report for a sandbox: phase, conditions, pod IP and container status. */
final class PodStatuses {

    static final String IMAGE_ID = "simulated://mlrollout-model-server";

    private PodStatuses() {
    }

    static PodStatus of(PodSandbox sandbox) {
        String ip = sandbox.address().getHostAddress();
        String readyStatus = sandbox.ready() ? "True" : "False";
        String readySince = sandbox.readinessChangedAt().toString();
        String created = sandbox.createdAt().toString();
        return new PodStatusBuilder()
                .withPhase(sandbox.startedAt() == null ? "Pending" : "Running")
                .withHostIP("127.0.0.1")
                .withPodIP(ip)
                .withPodIPs(new PodIP(ip))
                .withStartTime(created)
                .withConditions(List.of(
                        condition("PodScheduled", "True", created),
                        condition("Initialized", "True", created),
                        condition("ContainersReady", readyStatus, readySince),
                        condition("Ready", readyStatus, readySince)))
                .withContainerStatuses(container(sandbox))
                .build();
    }

    private static ContainerStatus container(PodSandbox sandbox) {
        ContainerStatusBuilder status = new ContainerStatusBuilder()
                .withName(sandbox.pod().getSpec().getContainers().get(0).getName())
                .withImage(sandbox.pod().getSpec().getContainers().get(0).getImage())
                .withImageID(IMAGE_ID)
                .withReady(sandbox.ready())
                .withStarted(sandbox.running())
                .withRestartCount(sandbox.restartCount())
                .withState(state(sandbox));
        if (sandbox.running()) {
            status.withContainerID("simulated://" + sandbox.pid());
        }
        PodSandbox.Termination last = sandbox.lastTermination();
        if (last != null) {
            status.withLastState(new ContainerStateBuilder().withNewTerminated()
                    .withExitCode(last.exitCode()).withReason(last.reason())
                    .withStartedAt(last.startedAt() == null ? null : last.startedAt().toString())
                    .withFinishedAt(last.finishedAt().toString())
                    .endTerminated().build());
        }
        return status.build();
    }

    private static ContainerState state(PodSandbox sandbox) {
        if (sandbox.running()) {
            return new ContainerStateBuilder().withNewRunning().withStartedAt(sandbox.startedAt().toString()).endRunning().build();
        }
        if (sandbox.inBackOff()) {
            String container = sandbox.pod().getSpec().getContainers().get(0).getName();
            return new ContainerStateBuilder().withNewWaiting().withReason("CrashLoopBackOff")
                    .withMessage("back-off " + sandbox.backOff().toSeconds() + "s restarting failed container=" + container
                            + " pod=" + sandbox.pod().getMetadata().getName() + "_" + sandbox.pod().getMetadata().getNamespace())
                    .endWaiting().build();
        }
        return new ContainerStateBuilder().withNewWaiting().withReason("ContainerCreating").endWaiting().build();
    }

    private static PodCondition condition(String type, String status, String since) {
        return new PodConditionBuilder().withType(type).withStatus(status).withLastTransitionTime(since).build();
    }

    static boolean isReady(io.fabric8.kubernetes.api.model.Pod pod) {
        return pod.getStatus() != null && pod.getStatus().getConditions() != null && pod.getStatus().getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    static Instant creation(io.fabric8.kubernetes.api.model.Pod pod) {
        String timestamp = pod.getMetadata().getCreationTimestamp();
        return timestamp == null ? Instant.EPOCH : Instant.parse(timestamp);
    }
}
