package io.mlrollout.api.v1alpha1;

/** How a version's rollout ended. */
public enum RolloutResult {
    Promoted,
    RolledBack,
    Aborted,
    Superseded
}
