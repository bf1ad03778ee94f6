package io.mlrollout.e2e.traffic;

import java.time.Duration;

/**
 * How much traffic to send, and the bounds that stop it by itself.
 *
 * @param model the model name in {@code /v2/models/<model>/infer}
 * @param requestsPerSecond the steady rate
 * @param maxRequests the generator stops after this many requests
 * @param maxDuration and after this long, whichever comes first
 */
public record TrafficPlan(String model, double requestsPerSecond, int maxRequests, Duration maxDuration) {

    public TrafficPlan {
        if (requestsPerSecond <= 0 || requestsPerSecond > 500) {
            throw new IllegalArgumentException("requestsPerSecond must be in (0, 500], was " + requestsPerSecond);
        }
        if (maxRequests < 1 || maxDuration.isNegative() || maxDuration.isZero()) {
            throw new IllegalArgumentException("traffic must be bounded in count and time");
        }
    }

    /** A steady rate for up to {@code maxDuration}, with the count bound that follows from it. */
    public static TrafficPlan steady(String model, double requestsPerSecond, Duration maxDuration) {
        return new TrafficPlan(model, requestsPerSecond, (int) Math.ceil(requestsPerSecond * maxDuration.toSeconds()) + 1, maxDuration);
    }
}
