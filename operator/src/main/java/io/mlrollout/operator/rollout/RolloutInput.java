package io.mlrollout.operator.rollout;

import io.mlrollout.api.v1alpha1.ModelDeploymentStatus;
import io.mlrollout.api.v1alpha1.ModelSpec;
import java.time.Instant;
import java.util.Optional;

/**
 * Everything a rollout decision depends on. Nothing else is read: no clock, no cluster.
 *
 * @param desired the model the spec names
 * @param replicas pods per version once stable
 * @param weightByReplicas true when the router splits traffic by pod counts (the service router)
 * @param status the status as last written (null for a new ModelDeployment)
 * @param generation the ModelDeployment's metadata.generation
 * @param policyProblem why the named RolloutPolicy cannot be used (missing or invalid), if so; then
 *     {@code policy} is the built-in one, good only for its deadline
 */
public record RolloutInput(ModelSpec desired, int replicas, boolean weightByReplicas, ResolvedPolicy policy,
                           ModelDeploymentStatus status, Observation observation, Requests requests,
                           long generation, Instant now, Optional<String> policyProblem) {

    public RolloutInput(ModelSpec desired, int replicas, boolean weightByReplicas, ResolvedPolicy policy,
                        ModelDeploymentStatus status, Observation observation, Requests requests, long generation, Instant now) {
        this(desired, replicas, weightByReplicas, policy, status, observation, requests, generation, now, Optional.empty());
    }

    /** The same input with another observation (one that carries this cycle's analysis). */
    public RolloutInput with(Observation newObservation) {
        return new RolloutInput(desired, replicas, weightByReplicas, policy, status, newObservation, requests, generation, now,
                policyProblem);
    }

    ReplicaSplit split(int weight) {
        return weightByReplicas ? ReplicaSplit.byReplicaRatio(replicas, weight)
                : ReplicaSplit.byWeightedRoute(replicas, weight);
    }
}
