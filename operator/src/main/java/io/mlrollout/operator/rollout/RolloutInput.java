package io.mlrollout.operator.rollout;

import io.mlrollout.api.v1alpha1.ModelDeploymentStatus;
import io.mlrollout.api.v1alpha1.ModelSpec;
import java.time.Instant;

/**
 * Everything a rollout decision depends on. Nothing else is read: no clock, no cluster.
 *
 * @param desired the model the spec names
 * @param replicas pods per version once stable
 * @param weightByReplicas true when the router splits traffic by pod counts (the service router)
 * @param status the status as last written (null for a new ModelDeployment)
 * @param generation the ModelDeployment's metadata.generation
 */
public record RolloutInput(ModelSpec desired, int replicas, boolean weightByReplicas, ResolvedPolicy policy,
                           ModelDeploymentStatus status, Observation observation, Requests requests,
                           long generation, Instant now) {

    ReplicaSplit split(int weight) {
        return weightByReplicas ? ReplicaSplit.byReplicaRatio(replicas, weight)
                : ReplicaSplit.byWeightedRoute(replicas, weight);
    }
}
