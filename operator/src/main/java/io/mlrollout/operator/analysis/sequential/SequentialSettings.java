package io.mlrollout.operator.analysis.sequential;

/**
 * @param confidence 1 minus the chance of a false verdict, each way: a good canary failed, or a
 *     canary worse by at least the margin passed
 * @param margin the smallest increase of the rate worth acting on, in the rate's own unit (0.01 =
 *     one percentage point)
 * @param minTrials requests each side needs before a Pass: the normal approximation the Pass test
 *     rests on is poor on a handful of requests (a Fail needs no minimum)
 */
public record SequentialSettings(double confidence, double margin, long minTrials) {

    public static final long DEFAULT_MIN_TRIALS = 50;

    public SequentialSettings {
        if (!(confidence > 0.5 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be above 0.5 and below 1, was " + confidence);
        }
        if (!(margin > 0 && margin < 1)) {
            throw new IllegalArgumentException("margin must be above 0 and below 1, was " + margin);
        }
        if (minTrials < 1) {
            throw new IllegalArgumentException("minTrials must be at least 1, was " + minTrials);
        }
    }

    /** log(1 / alpha): the log-likelihood ratio a verdict needs. */
    double threshold() {
        return Math.log(1 / (1 - confidence));
    }
}
