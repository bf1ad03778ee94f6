package io.mlrollout.operator.analysis.sequential;

/**
 * An exact always-valid test of "the canary fails more often than the stable version", for the
 * direction where the normal approximation is weakest (rare failures, a heavy right tail).
 *
 * <p>If both versions fail at the same rate, each failure is the canary's with probability
 * {@code q0}, the canary's share of the requests: whose failure it was is a coin flip with a known
 * bias. The evidence against that is a mixture likelihood ratio over the alternative's bias,
 * uniform on 0..1, which has a closed form in Beta functions:
 *
 * <pre>
 *   E = B(1 + k_canary, 1 + k_stable) / (q0^k_canary (1 - q0)^k_stable)
 * </pre>
 *
 * E is a martingale in the sequence of failures under the null, whatever its length, so by Ville's
 * inequality it ever reaches 1/alpha with probability at most alpha: no approximation, no minimum
 * sample. The canary's share is read from the request counts, as the weight is not exact with a
 * replica-count router.
 */
final class FailureShareTest {

    private FailureShareTest() {
    }

    /** The natural logarithm of E; 0 (no evidence) when there is no failure or no share to compare with. */
    static double logEvidence(Proportion canary, Proportion stable) {
        long trials = canary.trials() + stable.trials();
        if (canary.events() + stable.events() == 0 || canary.trials() == 0 || stable.trials() == 0) {
            return 0;
        }
        double share = (double) canary.trials() / trials;
        return LogGamma.logBeta(1 + canary.events(), 1 + stable.events())
                - canary.events() * Math.log(share) - stable.events() * Math.log(1 - share);
    }

    /** Whether more of the failures are the canary's than its share of the requests: the only direction that fails it. */
    static boolean canaryOverRepresented(Proportion canary, Proportion stable) {
        long failures = canary.events() + stable.events();
        long trials = canary.trials() + stable.trials();
        return failures > 0 && trials > 0 && (double) canary.events() / failures > (double) canary.trials() / trials;
    }
}
