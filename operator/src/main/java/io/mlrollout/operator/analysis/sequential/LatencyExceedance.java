package io.mlrollout.operator.analysis.sequential;

import io.mlrollout.operator.analysis.Histograms;
import java.util.NavigableMap;
import java.util.OptionalDouble;

/**
 * Latency judged as a proportion, so that no distribution is assumed: the share of requests slower
 * than a boundary, canary against stable, tested like an error rate.
 *
 * <p>The boundary is the stable version's p99 from its history <em>before</em> the window the test
 * counts (its cumulative counters when the canary entered its weight). Taken from the window
 * itself, it would be chosen to put the stable version's own share at or under 1 %, and a canary
 * exactly as fast would look slower.
 */
public final class LatencyExceedance {

    private LatencyExceedance() {
    }

    /**
     * @param stableHistory the stable version's cumulative histogram before the window (bucket upper bound to count)
     * @return a bucket bound, or empty when the stable version has no history yet
     */
    public static OptionalDouble boundary(NavigableMap<Double, Double> stableHistory, double quantile) {
        return Histograms.upperBoundQuantile(stableHistory, quantile);
    }

    /** The requests of one window slower than {@code boundary}, out of all of its requests. */
    public static Proportion slowerThan(NavigableMap<Double, Double> window, double boundary) {
        if (window.isEmpty()) {
            return new Proportion(0, 0);
        }
        long total = Math.round(window.lastEntry().getValue());
        Double atOrBelow = window.floorKey(boundary) == null ? null : window.get(window.floorKey(boundary));
        long fast = atOrBelow == null ? 0 : Math.round(atOrBelow);
        return new Proportion(Math.max(0, total - fast), total);
    }
}
