package io.mlrollout.operator.analysis;

import java.util.NavigableMap;

/**
 * One side's latency histogram over one interval, kept beside the quantile read from it, so that
 * the judge can ask how many requests were certainly slower than a limit.
 *
 * @param quantile the quantile the metric reports, 0..1 (0.99 for latency-p99)
 * @param cumulative bucket upper bound to the count of requests at or below it
 */
public record LatencyHistogram(double quantile, NavigableMap<Double, Double> cumulative) {

    public LatencyHistogram {
        if (!(quantile > 0 && quantile < 1)) {
            throw new IllegalArgumentException("quantile must be within (0, 1), was " + quantile);
        }
    }

    /**
     * Requests needed before this quantile is more than the slowest request seen: 1 / (1 - q), so
     * 2 for a p50, 20 for a p95 and 100 for a p99.
     */
    public long minimumSample() {
        return (long) Math.ceil(1 / (1 - quantile) - 1e-9);
    }

    public double requests() {
        return Histograms.total(cumulative);
    }

    public double requestsAbove(double limit) {
        return Histograms.countAbove(cumulative, limit);
    }

    /** The highest finite bucket bound: what a quantile beyond it can only be said to exceed. */
    public double highestFiniteBound() {
        Double bound = cumulative.lowerKey(Double.POSITIVE_INFINITY);
        return bound == null ? 0 : bound;
    }

    /** Whether the quantile lies in the open bucket above the highest bound, where no value can be read. */
    public boolean beyondHighestBound() {
        double rank = Math.max(1, Math.ceil(quantile * requests() - 1e-9));
        Double bound = cumulative.lowerKey(Double.POSITIVE_INFINITY);
        return requests() > 0 && (bound == null || cumulative.get(bound) < rank);
    }

    /** "p99" for 0.99, "p99.9" for 0.999. */
    public String label() {
        String percent = java.math.BigDecimal.valueOf(quantile * 100).stripTrailingZeros().toPlainString();
        return "p" + percent;
    }
}
