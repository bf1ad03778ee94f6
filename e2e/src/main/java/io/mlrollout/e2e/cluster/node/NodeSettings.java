package io.mlrollout.e2e.cluster.node;

import java.time.Duration;

/**
 * Timings of the emulated kubelet and controllers, compressed from a real cluster's so that the
 * scenarios run in minutes.
 *
 * @param syncPeriod how often controllers and kubelet look at the API server
 * @param maxReadinessPeriod readiness probes run at the pod's periodSeconds or this, whichever is shorter
 * @param crashBackOff the first restart delay after a container exits; it doubles up to {@code maxCrashBackOff}
 *     (a kubelet starts at 10s and caps at 5m)
 *
 * <p>How a pod stops is not a node setting: the preStop sleep and terminationGracePeriodSeconds come
 * from the pod spec, as on a real node, so a pod without a preStop hook gets SIGTERM at once.
 */
public record NodeSettings(Duration syncPeriod, Duration maxReadinessPeriod, Duration crashBackOff, Duration maxCrashBackOff) {

    public static NodeSettings compressed() {
        return new NodeSettings(Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(4));
    }

    Duration backOffAfter(int restarts) {
        Duration delay = crashBackOff;
        for (int i = 1; i < restarts && delay.compareTo(maxCrashBackOff) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxCrashBackOff) > 0 ? maxCrashBackOff : delay;
    }
}
