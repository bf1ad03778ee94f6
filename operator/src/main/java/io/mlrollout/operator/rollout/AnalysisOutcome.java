package io.mlrollout.operator.rollout;

import io.mlrollout.api.v1alpha1.AnalysisStatus;
import io.mlrollout.api.v1alpha1.Verdict;

/** The judgement of one analysis run, with the per-metric numbers that explain it. */
public record AnalysisOutcome(Verdict verdict, AnalysisStatus details) {
}
