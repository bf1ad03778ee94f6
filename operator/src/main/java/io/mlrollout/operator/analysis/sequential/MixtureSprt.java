package io.mlrollout.operator.analysis.sequential;

/**
 * The mixture sequential probability ratio test for a difference of two rates, in its normal
 * approximation (Robbins' normal mixture, as in "always valid" A/B testing): for the null
 * hypothesis that the difference is {@code theta0}, the likelihood ratio against a normal mixture
 * of alternatives around it is
 *
 * <pre>
 *   L = sqrt(V / (V + tau^2)) * exp(tau^2 (d - theta0)^2 / (2 V (V + tau^2)))
 * </pre>
 *
 * where {@code d} is the observed difference and {@code V} its variance. L is (approximately) a
 * martingale under the null, so by Ville's inequality the chance that it ever reaches 1/alpha, at
 * however many looks, is at most alpha. That is what allows a look after every scrape.
 */
final class MixtureSprt {

    private MixtureSprt() {
    }

    /**
     * @param difference observed canary rate minus stable rate
     * @param variance the variance of that difference
     * @param theta0 the difference under the null hypothesis
     * @param tau the spread of the mixture: the size of difference the test is tuned to notice
     * @return the natural logarithm of the likelihood ratio (logarithms keep large ratios finite)
     */
    static double logLikelihoodRatio(double difference, double variance, double theta0, double tau) {
        double tau2 = tau * tau;
        double shift = difference - theta0;
        return 0.5 * Math.log(variance / (variance + tau2)) + tau2 * shift * shift / (2 * variance * (variance + tau2));
    }
}
