package io.mlrollout.operator.reconciler;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads pods for failures that waiting will not fix: a crash loop, an image that cannot be pulled,
 * a container that keeps restarting.
 */
final class PodDiagnosis {

    static final int RESTART_LIMIT = 3;
    private static final Set<String> FATAL_WAITING = Set.of("CrashLoopBackOff", "ImagePullBackOff", "ErrImagePull",
            "InvalidImageName", "CreateContainerConfigError", "CreateContainerError");

    private PodDiagnosis() {
    }

    static Optional<String> failure(List<Pod> pods) {
        for (Pod pod : pods) {
            if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
                continue;
            }
            for (ContainerStatus container : pod.getStatus().getContainerStatuses()) {
                Optional<String> problem = problem(pod, container);
                if (problem.isPresent()) {
                    return problem;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> problem(Pod pod, ContainerStatus container) {
        int restarts = container.getRestartCount() == null ? 0 : container.getRestartCount();
        String waiting = container.getState() != null && container.getState().getWaiting() != null
                ? container.getState().getWaiting().getReason() : null;
        if (waiting != null && FATAL_WAITING.contains(waiting)) {
            return Optional.of(waiting + ", " + restarts + " restarts (pod " + pod.getMetadata().getName() + ")");
        }
        if (restarts >= RESTART_LIMIT) {
            return Optional.of("container restarted " + restarts + " times (pod " + pod.getMetadata().getName() + ")");
        }
        return Optional.empty();
    }
}
