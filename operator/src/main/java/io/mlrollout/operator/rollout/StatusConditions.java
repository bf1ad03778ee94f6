package io.mlrollout.operator.rollout;

import io.fabric8.kubernetes.api.model.Condition;
import io.mlrollout.api.v1alpha1.ModelDeploymentStatus;
import io.mlrollout.api.v1alpha1.Phase;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds the Ready, Progressing and Degraded conditions from the phase. A condition keeps its
 * lastTransitionTime while its status stays the same, so an unchanged rollout writes an unchanged
 * status.
 */
public final class StatusConditions {

    private StatusConditions() {
    }

    static void apply(ModelDeploymentStatus status, RolloutInput in, Topology topology, String newDegradedReason,
                      boolean degradedWhileRunning) {
        Phase phase = status.getPhase();
        int stablePods = topology.stable() == null ? 1 : Math.max(1, topology.stable().replicas());
        boolean stableReady = phase != Phase.Initializing && phase != Phase.Failed
                && in.observation().pods(status.getStable()).readyWith(Math.min(stablePods, in.replicas()));
        set(status, in, Reasons.READY, stableReady,
                stableReady ? Reasons.STABLE_VERSION_READY : phase == Phase.Initializing ? Reasons.INITIALIZING
                        : Reasons.STABLE_VERSION_NOT_READY,
                stableReady ? "Version " + status.getStableVersion() + " is Ready" : status.getMessage());
        boolean progressing = !phase.isTerminal();
        set(status, in, Reasons.PROGRESSING, progressing,
                phase == Phase.Paused ? Reasons.WAITING_FOR_PROMOTE : progressing ? Reasons.ROLLOUT_IN_PROGRESS
                        : phase == Phase.Stable ? Reasons.ROLLOUT_COMPLETE : Reasons.NO_ROLLOUT,
                progressing ? status.getMessage() : "No rollout in progress");
        boolean degraded = phase == Phase.RolledBack || phase == Phase.Failed || degradedWhileRunning;
        set(status, in, Reasons.DEGRADED, degraded, degraded ? degradedReason(status, newDegradedReason) : Reasons.AS_EXPECTED,
                degraded ? status.getMessage() : "Nothing is wrong");
    }

    private static String degradedReason(ModelDeploymentStatus status, String newReason) {
        if (newReason != null) {
            return newReason;
        }
        if (status.getPhase() == Phase.Failed) {
            return Reasons.FIRST_VERSION_FAILED;
        }
        // A rollout rolled back earlier keeps the reason it was rolled back for.
        return status.getConditions().stream()
                .filter(c -> Reasons.DEGRADED.equals(c.getType()) && "True".equals(c.getStatus()))
                .map(Condition::getReason).findFirst().orElse(Reasons.ROLLED_BACK);
    }

    /** Sets one condition; the lastTransitionTime moves only when the status flips. */
    public static void set(ModelDeploymentStatus status, RolloutInput in, String type, boolean value, String reason,
                           String message) {
        put(status, type, value, reason, message, in.generation(), in.now().toString());
    }

    public static void put(ModelDeploymentStatus status, String type, boolean value, String reason, String message,
                           long generation, String now) {
        List<Condition> conditions = status.getConditions() == null ? new ArrayList<>() : new ArrayList<>(status.getConditions());
        String text = value ? "True" : "False";
        Condition previous = conditions.stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
        Condition next = new Condition();
        next.setType(type);
        next.setStatus(text);
        next.setReason(reason);
        next.setMessage(message);
        next.setObservedGeneration(generation);
        next.setLastTransitionTime(previous != null && Objects.equals(previous.getStatus(), text)
                && previous.getLastTransitionTime() != null ? previous.getLastTransitionTime() : now);
        conditions.remove(previous);
        conditions.add(next);
        conditions.sort(java.util.Comparator.comparing(Condition::getType));
        status.setConditions(conditions);
    }
}
