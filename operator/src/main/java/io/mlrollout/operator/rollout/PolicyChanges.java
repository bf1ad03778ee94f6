package io.mlrollout.operator.rollout;

import io.mlrollout.api.v1alpha1.ModelDeploymentStatus;
import io.mlrollout.api.v1alpha1.Phase;
import java.util.List;

/**
 * A policy edited while its rollout runs. The status records the steps the walk follows; when the
 * policy's steps differ, {@code status.currentStep} would point at another step (removing steps
 * could promote at once, inserting some make the weight jump), so the walk restarts at the last
 * weight step at or below the weight in effect, and every step from there must pass again.
 */
final class PolicyChanges {

    private final RolloutEngine engine;
    private final ModelDeploymentStatus status;

    PolicyChanges(RolloutEngine engine) {
        this.engine = engine;
        this.status = engine.status();
    }

    /** @return true when the walk restarted: an analysis taken now measured the old steps and must not count */
    boolean follow() {
        ResolvedPolicy policy = engine.input().policy();
        String steps = policy.stepsText();
        String walked = status.getPolicySteps();
        status.setPolicySteps(steps);
        // Before the walk starts, and once promotion is decided, the steps no longer matter.
        boolean walking = status.getPhase() == Phase.Progressing || status.getPhase() == Phase.Paused;
        if (walked == null || walked.equals(steps) || !walking) {
            return false;
        }
        int weight = status.getCanaryWeight() == null ? 0 : status.getCanaryWeight();
        int restart = restartStep(policy.steps(), weight);
        status.setCurrentStep(restart);
        status.setStepStartedAt(engine.now().toString());
        // A pass under the old steps proves nothing about the new ones: the analysis clock restarts.
        status.setLastAnalysis(policy.analysesMetrics() ? AnalysisSchedule.restart(engine.now(), status.getLastAnalysis()) : null);
        engine.enter(Phase.Progressing, "RolloutPolicy steps changed: restarting at step " + (restart + 1) + "/" + policy.steps().size());
        engine.event(RolloutEvent.normal(Reasons.POLICY_CHANGED, "RolloutPolicy steps changed from [" + walked + "] to [" + steps
                + "]: canary " + status.getCanaryVersion() + " restarts the walk at step " + (restart + 1) + " ("
                + policy.weightAfter(restart + 1) + "%); it was at " + weight + "%"));
        return true;
    }

    /** The last weight step at or below {@code weight}; the first step when every weight is above it. */
    static int restartStep(List<Step> steps, int weight) {
        int restart = 0;
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) instanceof Step.SetWeight setWeight && setWeight.weight() <= weight) {
                restart = i;
            }
        }
        return restart;
    }
}
