package io.mlrollout.operator.rollout;

import io.mlrollout.api.v1alpha1.ModelRef;

/**
 * The versions that should run, their pods and the canary's traffic weight. Any version of the
 * ModelDeployment not named here is removed.
 *
 * @param stable the stable version, or null before the first version is up
 * @param canary the canary version, or null when no rollout runs
 * @param canaryWeight the canary's share of traffic the router should give it, in percent
 */
public record Topology(VersionPlan stable, VersionPlan canary, int canaryWeight) {

    public record VersionPlan(ModelRef model, int replicas) {
    }

    public static Topology stableOnly(ModelRef model, int replicas) {
        return new Topology(new VersionPlan(model, replicas), null, 0);
    }
}
