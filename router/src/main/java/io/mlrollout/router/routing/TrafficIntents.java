package io.mlrollout.router.routing;

import io.mlrollout.api.v1alpha1.ModelDeploymentStatus;
import java.util.Optional;

/** Reads the traffic intent from a ModelDeployment's status; empty while the operator has not named a stable model. */
public final class TrafficIntents {

    private TrafficIntents() {
    }

    public static Optional<TrafficIntent> fromStatus(ModelDeploymentStatus status) {
        if (status == null || status.getStable() == null || status.getStable().getVersion() == null) {
            return Optional.empty();
        }
        boolean rollout = status.getCanary() != null && status.getCanary().getVersion() != null;
        int weight = rollout && status.getCanaryWeight() != null ? Math.max(0, Math.min(100, status.getCanaryWeight())) : 0;
        return Optional.of(new TrafficIntent(status.getStable(), rollout ? status.getCanary() : null, weight));
    }
}
