package io.mlrollout.operator.rollout;

import io.mlrollout.api.v1alpha1.InconclusiveAction;
import io.mlrollout.api.v1alpha1.ModelDeploymentStatus;
import io.mlrollout.api.v1alpha1.Phase;
import io.mlrollout.api.v1alpha1.Verdict;
import io.mlrollout.operator.analysis.AnalysisVerdicts;
import java.util.stream.Collectors;

/**
 * Counts analysis verdicts and says when they end the rollout: failureLimit failed runs over the
 * whole rollout roll back, however spread (a canary that fails every other check is no better than
 * one that fails two in a row); inconclusiveLimit inconclusive runs in a row roll back
 * (InsufficientData) or pause, as the policy says. A pass ends an inconclusive streak but never
 * forgives a failure.
 */
final class AnalysisVerdictHandler {

    /** What the verdicts ask for. */
    enum Outcome { CONTINUE, ROLL_BACK, PAUSE }

    private final RolloutEngine engine;
    private final ModelDeploymentStatus status;
    private String reason;
    private String detail;

    AnalysisVerdictHandler(RolloutEngine engine) {
        this.engine = engine;
        this.status = engine.status();
    }

    Outcome record(AnalysisOutcome outcome) {
        ResolvedPolicy policy = engine.input().policy();
        if (outcome.startsWindow()) {
            // Neither a pass nor an inconclusive check: the clock restarts, and so does the interval.
            status.setLastAnalysis(AnalysisSchedule.start(engine.now()));
            return Outcome.CONTINUE;
        }
        status.setLastAnalysis(outcome.details());
        int failed = count(status.getFailedChecks());
        int inconclusive = count(status.getInconclusiveChecks());
        switch (outcome.verdict()) {
            case Pass -> inconclusive = 0;
            case Fail -> {
                failed++;
                inconclusive = 0;
                engine.event(RolloutEvent.warning(Reasons.ANALYSIS_FAILED, "Canary " + status.getCanaryVersion() + " failed analysis ("
                        + failed + " of " + policy.failureLimit() + "): " + AnalysisVerdicts.describeFailures(outcome.details().getMetrics())));
            }
            default -> inconclusive++;
        }
        status.setFailedChecks(failed);
        status.setInconclusiveChecks(inconclusive);
        if (failed >= policy.failureLimit()) {
            reason = Reasons.ANALYSIS_FAILED;
            detail = failed + " failed analyses (failureLimit " + policy.failureLimit() + "): " + AnalysisVerdicts.describeFailures(outcome.details().getMetrics());
            return Outcome.ROLL_BACK;
        }
        if (inconclusive >= policy.inconclusiveLimit()) {
            detail = inconclusive + " inconclusive analyses in a row: " + whyInconclusive(outcome);
            if (policy.onInconclusive() == InconclusiveAction.PAUSE) {
                engine.enter(Phase.Paused, "Paused: " + detail + "; set mlrollout.io/promote or mlrollout.io/abort");
                return Outcome.PAUSE;
            }
            reason = Reasons.INSUFFICIENT_DATA;
            return Outcome.ROLL_BACK;
        }
        return Outcome.CONTINUE;
    }

    String reason() {
        return reason;
    }

    String detail() {
        return detail;
    }

    private static String whyInconclusive(AnalysisOutcome outcome) {
        return outcome.details().getMetrics().stream().filter(m -> m.getVerdict() == Verdict.Inconclusive)
                .map(m -> m.getName() + ": " + m.getMessage()).collect(Collectors.joining("; "));
    }

    private static int count(Integer value) {
        return value == null ? 0 : value;
    }
}
