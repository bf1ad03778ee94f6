package io.mlrollout.operator.rollout;

import io.mlrollout.api.v1alpha1.ModelDeploymentStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What to do now: the objects to converge to, the status to write, the events to emit, and when
 * to look again (empty: only when something changes).
 */
public record Decision(Topology topology, ModelDeploymentStatus status, List<RolloutEvent> events,
                       Optional<Duration> requeueAfter) {

    public Decision {
        events = List.copyOf(events);
    }
}
