package io.mlrollout.api.v1alpha1;

/** The judgement of one metric check, or of one analysis run. */
public enum Verdict {
    Pass,
    Fail,
    /** Too little data to judge: never counts as a pass, never advances a step. */
    Inconclusive
}
