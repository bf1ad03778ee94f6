package io.mlrollout.operator.analysis;

import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalDouble;

/** Quantiles from cumulative histogram buckets, interpolated linearly inside a bucket as Prometheus does. */
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
}
