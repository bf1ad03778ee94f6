package io.mlrollout.operator.rollout;

/** A Kubernetes Event the rollout emits: a transition users should see in {@code kubectl describe}. */
public record RolloutEvent(boolean warning, String reason, String message) {

    public static RolloutEvent normal(String reason, String message) {
        return new RolloutEvent(false, reason, message);
    }

    public static RolloutEvent warning(String reason, String message) {
        return new RolloutEvent(true, reason, message);
    }
}
