package io.mlrollout.operator.rollout;

import io.mlrollout.api.v1alpha1.Durations;
import io.mlrollout.api.v1alpha1.ModelDeploymentStatus;
import io.mlrollout.api.v1alpha1.Phase;

/** Judges whether the current policy step is done, and what the rollout waits for if it is not. */
final class StepWalk {

    private final RolloutEngine engine;
    private final RolloutInput in;
    private final ModelDeploymentStatus status;
    private String failed;
    private String failedReason;
    private boolean weightMoved;

    StepWalk(RolloutEngine engine) {
        this.engine = engine;
        this.in = engine.input();
        this.status = engine.status();
    }

    boolean completes(Step step) {
        if (step instanceof Step.SetWeight setWeight) {
            return weightInEffect(setWeight.weight());
        }
        return pauseOver((Step.Pause) step);
    }

    /** Why the rollout must roll back, or null. */
    String failed() {
        return failed;
    }

    String failedReason() {
        return failedReason;
    }

    /** Whether a weight step completed during this walk: no analysis has seen the new weight yet. */
    boolean weightMoved() {
        return weightMoved;
    }

    private boolean weightInEffect(int weight) {
        ReplicaSplit split = in.split(weight);
        int expected = in.weightByReplicas() && weight < 100 ? split.effectiveWeight() : weight;
        Observation seen = in.observation();
        VersionObservation canary = seen.pods(status.getCanary());
        if (canary.readyWith(split.canary()) && seen.pods(status.getStable()).readyWith(Math.min(1, split.stable()))
                && seen.effectiveWeight() == expected) {
            engine.event(RolloutEvent.normal(Reasons.WEIGHT_CHANGED, "Canary " + status.getCanaryVersion() + " gets "
                    + expected + "% of traffic" + (expected != weight ? " (step asks " + weight + "%)" : "")));
            status.setCanaryWeight(expected);
            weightMoved = true;
            return true;
        }
        enterProgressing("shifting " + weight + "% of traffic to the canary");
        if (engine.past(status.getStepStartedAt(), in.policy().progressDeadline())) {
            failedReason = Reasons.PROGRESS_DEADLINE_EXCEEDED;
            failed = "canary pods for weight " + weight + "% not Ready within progressDeadline "
                    + Durations.format(in.policy().progressDeadline()) + " (" + canary.readyReplicas() + " of "
                    + split.canary() + " Ready)" + canary.becauseSuffix();
        }
        engine.requeueAfter(RolloutEngine.POLL);
        return false;
    }

    private boolean pauseOver(Step.Pause pause) {
        if (pause.duration().isEmpty()) {
            if (status.getPhase() != Phase.Paused) {
                engine.event(RolloutEvent.normal(Reasons.PAUSED, "Paused at " + status.getCanaryWeight()
                        + "%: set the mlrollout.io/promote annotation to continue"));
            }
            engine.enter(Phase.Paused, "Paused at step " + (status.getCurrentStep() + 1)
                    + ": waiting for the mlrollout.io/promote annotation");
            return false;
        }
        // At weight 0 (a policy that starts with a pause) there is no traffic to judge: the duration decides.
        boolean judged = !in.policy().analysesMetrics() || in.observation().effectiveWeight() == 0
                || AnalysisSchedule.passedSince(status, status.getStepStartedAt());
        if (engine.past(status.getStepStartedAt(), pause.duration().get())) {
            if (judged) {
                return true;
            }
            enterProgressing("holding " + status.getCanaryWeight() + "% until an analysis passes");
            return false;
        }
        enterProgressing("holding " + status.getCanaryWeight() + "% for " + Durations.format(pause.duration().get()));
        engine.requeueAfter(engine.remaining(status.getStepStartedAt(), pause.duration().get()));
        return false;
    }

    private void enterProgressing(String what) {
        engine.enter(Phase.Progressing, "Step " + (status.getCurrentStep() + 1) + "/" + in.policy().steps().size()
                + ": " + what);
    }
}
