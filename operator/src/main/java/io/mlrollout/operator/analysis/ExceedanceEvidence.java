package io.mlrollout.operator.analysis;

/**
 * Whether a small sample already shows a quantile above a limit. If the true q-quantile were at or
 * below the limit, each request would be slower than the limit with probability at most 1 - q, so
 * the number of slower requests is at most Binomial(n, 1 - q). Seeing so many that this binomial
 * gives them less than {@link #ALPHA} chance is evidence enough to fail, however few the requests:
 * 20 requests that all take 50 ms cannot come from a p99 under 40 ms.
 */
public final class ExceedanceEvidence {

    /** The chance of failing a canary whose quantile really is within the limit. */
    static final double ALPHA = 0.001;

    private ExceedanceEvidence() {
    }

    public static boolean significantlyAbove(LatencyHistogram histogram, double limit) {
        long n = Math.round(histogram.requests());
        long above = Math.round(histogram.requestsAbove(limit));
        double p = 1 - histogram.quantile();
        return above > n * p && upperTail(n, above, p) < ALPHA;
    }

    /** P(X >= k) for X ~ Binomial(n, p), summed from the k-th term in log space so that it never overflows. */
    static double upperTail(long n, long k, double p) {
        if (k <= 0) {
            return 1;
        }
        if (k > n) {
            return 0;
        }
        double logTerm = logChoose(n, k) + k * Math.log(p) + (n - k) * Math.log1p(-p);
        double term = Math.exp(logTerm);
        double sum = 0;
        for (long i = k; i <= n && term > 0; i++) {
            sum += term;
            term *= (double) (n - i) / (i + 1) * p / (1 - p);
        }
        return Math.min(1, sum);
    }

    private static double logChoose(long n, long k) {
        long smaller = Math.min(k, n - k);
        double sum = 0;
        for (long j = 1; j <= smaller; j++) {
            sum += Math.log((double) (n - smaller + j) / j);
        }
        return sum;
    }
}
