package io.mlrollout.operator.analysis.sequential;

import java.util.Locale;

/**
 * What the sequential judge concluded from the counts so far, with the numbers behind it.
 *
 * @param logEvidence the natural logarithm of the evidence of the test that decided (or of the
 *     within-margin test while undecided); NaN while waiting for the minimum sample
 * @param logEvidenceNeeded ln(1 / (1 - confidence))
 */
public record SequentialVerdict(Outcome outcome, Proportion canary, Proportion stable, double margin, double logEvidence,
                                double logEvidenceNeeded, long minTrials) {

    public enum Outcome {
        /** The canary is worse than the stable version, at the configured confidence. */
        FAIL,
        /** The canary is not worse than the stable version by more than the margin, at the configured confidence. */
        PASS,
        /** Not enough evidence either way yet. */
        CONTINUE
    }

    /** For the status message; built on request, as the judge may be asked far more often than anyone reads it. */
    public String explanation() {
        if (Double.isNaN(logEvidence)) {
            return String.format(Locale.ROOT, "waiting for %d requests on each side (canary %d, stable %d)",
                    minTrials, canary.trials(), stable.trials());
        }
        String what = switch (outcome) {
            case FAIL -> "worse than stable";
            case PASS -> "within the margin";
            case CONTINUE -> "undecided";
        };
        return String.format(Locale.ROOT, "%s: canary %d/%d (%.4f), stable %d/%d (%.4f), margin %.4f, evidence %.1f of %.1f needed",
                what, canary.events(), canary.trials(), canary.rate(), stable.events(), stable.trials(), stable.rate(),
                margin, logEvidence, logEvidenceNeeded);
    }
}
