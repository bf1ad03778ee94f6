package io.mlrollout.operator.analysis;

import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalDouble;

/**
 * Quantiles from cumulative histogram buckets: interpolated linearly inside a bucket as Prometheus
 * does, or read conservatively (the upper bound of the bucket that holds the rank) where a value
 * must not be reported lower than it may be.
 */
public final class Histograms {

    private Histograms() {
    }

    /**
     * @param cumulative bucket upper bound to the count of observations at or below it
     * @param q the quantile, 0..1
     * @return empty when there are no observations
     */
    public static OptionalDouble quantile(NavigableMap<Double, Double> cumulative, double q) {
        if (cumulative.isEmpty() || cumulative.lastEntry().getValue() <= 0) {
            return OptionalDouble.empty();
        }
        double total = cumulative.lastEntry().getValue();
        double rank = q * total;
        double lowerBound = 0;
        double lowerCount = 0;
        for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
            if (bucket.getValue() >= rank) {
                if (bucket.getKey().isInfinite()) {
                    // Above the highest finite bucket the best honest answer is that bucket's bound.
                    return OptionalDouble.of(lowerBound);
                }
                double inBucket = bucket.getValue() - lowerCount;
                double fraction = inBucket <= 0 ? 1 : (rank - lowerCount) / inBucket;
                return OptionalDouble.of(lowerBound + (bucket.getKey() - lowerBound) * fraction);
            }
            lowerBound = bucket.getKey();
            lowerCount = bucket.getValue();
        }
        return OptionalDouble.of(lowerBound);
    }

    /**
     * The upper bound of the bucket that holds the {@code q} rank: the true quantile of these
     * observations is never above it. Interpolating instead would pull a bucket full of slow requests
     * down towards its lower bound. Above the highest finite bucket, that bucket's bound is the best
     * answer there is.
     */
    public static OptionalDouble upperBoundQuantile(NavigableMap<Double, Double> cumulative, double q) {
        if (cumulative.isEmpty() || cumulative.lastEntry().getValue() <= 0) {
            return OptionalDouble.empty();
        }
        double rank = Math.max(1, Math.ceil(q * cumulative.lastEntry().getValue() - 1e-9));
        double highestFinite = 0;
        for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
            if (bucket.getValue() >= rank) {
                return OptionalDouble.of(bucket.getKey().isInfinite() ? highestFinite : bucket.getKey());
            }
            highestFinite = bucket.getKey();
        }
        return OptionalDouble.of(highestFinite);
    }

    /**
     * Observations certainly above {@code limit}: those in buckets whose lower bound is at or above
     * it. A bucket that straddles the limit may hold observations on either side, so none of it counts.
     */
    public static double countAbove(NavigableMap<Double, Double> cumulative, double limit) {
        Map.Entry<Double, Double> straddling = cumulative.ceilingEntry(limit);
        return straddling == null ? 0 : total(cumulative) - straddling.getValue();
    }

    public static double total(NavigableMap<Double, Double> cumulative) {
        return cumulative.isEmpty() ? 0 : cumulative.lastEntry().getValue();
    }
}
