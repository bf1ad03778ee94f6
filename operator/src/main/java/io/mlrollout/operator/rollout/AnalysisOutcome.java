package io.mlrollout.operator.rollout;

import io.mlrollout.api.v1alpha1.AnalysisStatus;
import io.mlrollout.api.v1alpha1.Verdict;

/**
 * The judgement of one analysis run, with the per-metric numbers that explain it; or, with no
 * verdict, a run that could not measure an interval at all because its window has no start yet
 * (the operator just started): it is no check, and the window starts now.
 */
public record AnalysisOutcome(Verdict verdict, AnalysisStatus details) {

    public static AnalysisOutcome windowNotStarted() {
        return new AnalysisOutcome(null, null);
    }

    public boolean startsWindow() {
        return verdict == null;
    }
}
