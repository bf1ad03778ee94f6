package io.mlrollout.operator.analysis.sequential;

/** ln Gamma(x) for x > 0 (Lanczos, g = 7, nine terms: about 15 significant digits), and ln B(a, b) from it. */
final class LogGamma {

    private static final double[] COEFFICIENTS = {
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7
    };
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private LogGamma() {
    }

    static double of(double x) {
        if (!(x > 0)) {
            throw new IllegalArgumentException("ln Gamma is defined here for x > 0 only, was " + x);
        }
        if (x < 0.5) {
            // Reflection keeps the series accurate near zero.
            return Math.log(Math.PI / Math.sin(Math.PI * x)) - of(1 - x);
        }
        double z = x - 1;
        double sum = COEFFICIENTS[0];
        for (int i = 1; i < COEFFICIENTS.length; i++) {
            sum += COEFFICIENTS[i] / (z + i);
        }
        double t = z + 7.5;
        return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }

    static double logBeta(double a, double b) {
        return of(a) + of(b) - of(a + b);
    }
}
