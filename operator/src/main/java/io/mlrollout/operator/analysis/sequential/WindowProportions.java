package io.mlrollout.operator.analysis.sequential;

import io.mlrollout.operator.analysis.OutcomeCounts;
import io.mlrollout.operator.analysis.RequestOutcome;
import io.mlrollout.operator.analysis.ServerCounters;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The proportions the sequential judge tests, read from one side's model-server counters over the
 * window since the canary entered its weight: the built-in rate metrics as failures out of
 * requests, and latency as requests slower than a boundary.
 */
public final class WindowProportions {

    private WindowProportions() {
    }

    /** Empty for a metric that is not a proportion of requests (request-rate, latency quantiles). */
    public static Optional<Proportion> rate(String metric, ServerCounters window) {
        OutcomeCounts outcomes = window.outcomes();
        long requests = Math.round(window.requests());
        return switch (metric) {
            case "error-rate" -> Optional.of(new Proportion(Math.round(outcomes.serverSideFailures()), requests));
            case "overload-rate" -> Optional.of(new Proportion(Math.round(outcomes.overloaded()), requests));
            case "client-error-rate" -> Optional.of(new Proportion(Math.round(outcomes.get(RequestOutcome.CLIENT_ERROR)), requests));
            default -> Optional.empty();
        };
    }

    /**
     * @param stableBeforeWindow the stable version's cumulative counters when the window began
     * @return the share of the window's requests slower than the stable version's quantile from
     *     before the window; empty while the stable version has no latency history
     */
    public static Optional<Proportion> slowerThanStable(ServerCounters window, ServerCounters stableBeforeWindow, double quantile) {
        OptionalDouble boundary = LatencyExceedance.boundary(new TreeMap<>(stableBeforeWindow.buckets()), quantile);
        if (boundary.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(LatencyExceedance.slowerThan(new TreeMap<>(window.buckets()), boundary.getAsDouble()));
    }
}
