package io.mlrollout.operator.analysis;

import java.time.Duration;
import java.util.OptionalDouble;

/** The built-in metrics of one side over one interval, from the model-server counters. */
public final class BuiltInMetrics {

    private BuiltInMetrics() {
    }

    public static Measurement measure(String metric, ServerCounters interval, Duration length) {
        long requests = Math.round(interval.requests());
        return switch (metric) {
            case "request-rate" -> Measurement.of(interval.requests() / Math.max(1e-3, length.toMillis() / 1000.0), requests);
            case "error-rate" -> share(interval.outcomes().serverSideFailures(), interval, requests);
            case "overload-rate" -> share(interval.outcomes().overloaded(), interval, requests);
            case "client-error-rate" -> share(interval.clientErrors(), interval, requests);
            case "latency-p50" -> quantile(interval, 0.50);
            case "latency-p95" -> quantile(interval, 0.95);
            case "latency-p99" -> quantile(interval, 0.99);
            default -> Measurement.noData("'" + metric + "' is not a built-in metric", requests);
        };
    }

    private static Measurement share(double part, ServerCounters interval, long requests) {
        return requests == 0 ? Measurement.noData("no requests in the interval", 0) : Measurement.of(part / interval.requests(), requests);
    }

    // Read conservatively: a latency limit is an upper limit, and interpolating inside a bucket
    // would report a bucket full of slow requests as faster than they were.
    private static Measurement quantile(ServerCounters interval, double q) {
        OptionalDouble value = Histograms.upperBoundQuantile(interval.latencyBuckets(), q);
        return value.isPresent() ? Measurement.quantile(value.getAsDouble(), new LatencyHistogram(q, interval.latencyBuckets()))
                : Measurement.noData("no requests in the interval", 0);
    }
}
