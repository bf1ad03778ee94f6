package io.mlrollout.operator.analysis.sequential;

import io.mlrollout.operator.analysis.sequential.SequentialVerdict.Outcome;
import java.util.OptionalLong;

/**
 * Judges a canary's rate against the stable version's on the counts accumulated since the canary
 * entered its current weight, and may be asked after every scrape without raising its error rates:
 * two always-valid tests, one for "the canary is worse" (null: no difference; {@link FailureShareTest},
 * exact) and one for "the canary is not worse by the margin" (null: worse by exactly the margin;
 * {@link MixtureSprt}). Each errs with a chance of at most 1 - confidence over the whole step,
 * however often it is asked.
 */
public final class SequentialJudge {

    /** How far ahead the expected time to Pass is looked for: beyond this many times the current counts, none is reported. */
    private static final double MAX_GROWTH = 1 << 20;

    private SequentialJudge() {
    }

    public static SequentialVerdict judge(Proportion canary, Proportion stable, SequentialSettings settings) {
        // The exact test needs no minimum sample: a crashing canary fails on its first few requests.
        double worse = FailureShareTest.logEvidence(canary, stable);
        if (FailureShareTest.canaryOverRepresented(canary, stable) && worse >= settings.threshold()) {
            return verdict(Outcome.FAIL, canary, stable, worse, settings);
        }
        if (canary.trials() < settings.minTrials() || stable.trials() < settings.minTrials()) {
            return verdict(Outcome.CONTINUE, canary, stable, Double.NaN, settings);
        }
        double difference = canary.rate() - stable.rate();
        double withinMargin = logRatioWithinMargin(difference, varianceIfWorseByMargin(canary, stable, settings.margin()), settings);
        if (difference < settings.margin() && withinMargin >= settings.threshold()) {
            return verdict(Outcome.PASS, canary, stable, withinMargin, settings);
        }
        return verdict(Outcome.CONTINUE, canary, stable, withinMargin, settings);
    }

    /**
     * The variance if the canary were worse by exactly the margin (the null of the "within the
     * margin" test). From the canary's own rate instead, a canary that has been lucky so far (few
     * failures on few requests, which is likely when failures are rare) would show a variance too
     * small and pass too early.
     */
    private static double varianceIfWorseByMargin(Proportion canary, Proportion stable, double margin) {
        double stableRate = stable.smoothedRate();
        double canaryRate = Math.min(1, stableRate + margin);
        return canaryRate * (1 - canaryRate) / canary.trials() + stableRate * (1 - stableRate) / stable.trials();
    }

    private static double logRatioWithinMargin(double difference, double variance, SequentialSettings settings) {
        return MixtureSprt.logLikelihoodRatio(difference, variance, settings.margin(), settings.margin());
    }

    private static SequentialVerdict verdict(Outcome outcome, Proportion canary, Proportion stable, double logEvidence,
            SequentialSettings settings) {
        return new SequentialVerdict(outcome, canary, stable, settings.margin(), logEvidence, settings.threshold(), settings.minTrials());
    }

    /**
     * If both rates stay as they are and both sides keep growing in the same proportion, the
     * variance shrinks as 1/growth: the smallest growth at which the within-margin test passes,
     * found by doubling then bisection, turned into more canary requests. Empty when no Pass is in
     * sight at these rates. Computed on request (for the status message), not at every look.
     */
    public static OptionalLong requestsToPass(Proportion canary, Proportion stable, SequentialSettings settings) {
        double difference = canary.rate() - stable.rate();
        if (difference >= settings.margin() || canary.trials() == 0 || stable.trials() == 0) {
            return OptionalLong.empty();
        }
        double variance = varianceIfWorseByMargin(canary, stable, settings.margin());
        double low = 1;
        double high = 2;
        while (!passesAt(high, difference, variance, settings)) {
            low = high;
            high *= 2;
            if (high > MAX_GROWTH) {
                return OptionalLong.empty();
            }
        }
        for (int i = 0; i < 40; i++) {
            double middle = (low + high) / 2;
            if (passesAt(middle, difference, variance, settings)) {
                high = middle;
            } else {
                low = middle;
            }
        }
        return OptionalLong.of(Math.max(1, (long) Math.ceil(canary.trials() * (high - 1))));
    }

    private static boolean passesAt(double growth, double difference, double variance, SequentialSettings settings) {
        return logRatioWithinMargin(difference, variance / growth, settings) >= settings.threshold();
    }
}
