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
import java.util.Objects;

/** The status a kubelet would report for a sandbox: phase, conditions, pod IP and container status. */
final class PodStatuses {

    static final String IMAGE_ID = "emulated://mlrollout-model-server";

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
            status.withContainerID("emulated://" + sandbox.pid());
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

    /** Phase, address, readiness and container restarts and state: what the kubelet vouches for in a pod's status. */
    static boolean sameEssentials(PodStatus ours, PodStatus stored) {
        return stored != null && Objects.equals(ours.getPhase(), stored.getPhase()) && Objects.equals(ours.getPodIP(), stored.getPodIP())
                && Objects.equals(readiness(ours), readiness(stored)) && Objects.equals(containers(ours), containers(stored));
    }

    private static String readiness(PodStatus status) {
        return status.getConditions() == null ? null : status.getConditions().stream().filter(c -> "Ready".equals(c.getType()))
                .map(PodCondition::getStatus).findFirst().orElse(null);
    }

    private static List<String> containers(PodStatus status) {
        return status.getContainerStatuses() == null ? List.of() : status.getContainerStatuses().stream()
                .map(c -> c.getName() + "/" + c.getRestartCount() + "/" + c.getReady() + "/" + stateName(c.getState())).toList();
    }

    private static String stateName(ContainerState state) {
        if (state == null) {
            return "none";
        }
        return state.getRunning() != null ? "running" : state.getWaiting() != null ? "waiting:" + state.getWaiting().getReason() : "terminated";
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
