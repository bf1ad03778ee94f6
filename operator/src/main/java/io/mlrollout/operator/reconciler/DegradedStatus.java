package io.mlrollout.operator.reconciler;

import io.fabric8.kubernetes.api.model.Condition;
import io.mlrollout.api.v1alpha1.ModelDeployment;
import io.mlrollout.api.v1alpha1.ModelDeploymentStatus;
import io.mlrollout.api.v1alpha1.Phase;
import io.mlrollout.operator.rollout.Reasons;
import io.mlrollout.operator.rollout.StatusConditions;
import io.mlrollout.operator.rollout.StatusCopy;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The status of a ModelDeployment the operator cannot act on, or failed to act on: Degraded with
 * reason InvalidSpec (a message naming each field) or ReconcileError (the API server's message).
 * Everything else stays as it was, so the stable version keeps serving and the rollout resumes
 * where it stood once the cause is gone.
 */
final class DegradedStatus {

    record Result(ModelDeploymentStatus status, String message, boolean newProblem) {
    }

    private DegradedStatus() {
    }

    static Result invalidSpec(ModelDeployment md, List<String> problems, Instant now) {
        return of(md, Reasons.INVALID_SPEC, "Invalid spec: " + String.join("; ", problems), true, now);
    }

    /**
     * The error goes into the Degraded condition only: status.message keeps what the rollout is
     * doing, so that the status written before acting and the one written after the failure are
     * the same, and a persisting error writes nothing more (and wakes nothing) until it changes.
     */
    static Result reconcileError(ModelDeployment md, String error, Instant now) {
        return of(md, Reasons.RECONCILE_ERROR, "Reconcile failed, retrying: " + error, false, now);
    }

    private static Result of(ModelDeployment md, String reason, String message, boolean asStatusMessage, Instant now) {
        ModelDeploymentStatus status = StatusCopy.of(md.getStatus());
        Condition previous = status.getConditions().stream().filter(c -> Reasons.DEGRADED.equals(c.getType())).findFirst().orElse(null);
        boolean newProblem = previous == null || !Objects.equals(previous.getMessage(), message);
        long generation = md.getMetadata().getGeneration() == null ? 0 : md.getMetadata().getGeneration();
        if (status.getPhase() == null) {
            status.setPhase(Phase.Failed);
            StatusConditions.put(status, Reasons.READY, false, reason, message, generation, now.toString());
            StatusConditions.put(status, Reasons.PROGRESSING, false, reason, message, generation, now.toString());
        }
        if (asStatusMessage || status.getMessage() == null) {
            status.setMessage(message);
        }
        status.setObservedGeneration(generation);
        StatusConditions.put(status, Reasons.DEGRADED, true, reason, message, generation, now.toString());
        return new Result(status, message, newProblem);
    }

    /** The reason of a True Degraded condition, or null. */
    static String degradedReason(ModelDeploymentStatus status) {
        return status.getConditions().stream()
                .filter(c -> Reasons.DEGRADED.equals(c.getType()) && "True".equals(c.getStatus()))
                .map(Condition::getReason).findFirst().orElse(null);
    }

    /**
     * The intent written before acting keeps a reported ReconcileError until the cluster has
     * accepted the changes, so that a failing retry does not flip Degraded (and emit an Event)
     * every time.
     */
    static ModelDeploymentStatus keepingReconcileError(ModelDeploymentStatus previous, ModelDeploymentStatus next) {
        if (previous == null || !Reasons.RECONCILE_ERROR.equals(degradedReason(previous)) || degradedReason(next) != null) {
            return next;
        }
        ModelDeploymentStatus kept = StatusCopy.of(next);
        kept.getConditions().removeIf(c -> Reasons.DEGRADED.equals(c.getType()));
        previous.getConditions().stream().filter(c -> Reasons.DEGRADED.equals(c.getType())).findFirst()
                .ifPresent(kept.getConditions()::add);
        kept.getConditions().sort(java.util.Comparator.comparing(Condition::getType));
        return kept;
    }
}
