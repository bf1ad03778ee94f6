package io.mlrollout.operator.analysis.sequential;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlrollout.operator.analysis.ServerCounters;
import io.mlrollout.operator.analysis.ServerCountersTestData;
import org.junit.jupiter.api.Test;

class WindowProportionsTest {

    private static ServerCounters counters(String text) {
        return ServerCounters.fromExposition(text, "iris");
    }

    @Test
    void rateMetricsAreFailuresOutOfRequests() {
        ServerCounters window = counters(ServerCountersTestData.exposition("iris", 80, 5, 3, 80, 0)
                + "model_inference_requests_total{model=\"iris\",outcome=\"rejected\",version=\"1.0.0\"} 8.0\n"
                + "model_inference_requests_total{model=\"iris\",outcome=\"timeout\",version=\"1.0.0\"} 4.0\n");
        assertThat(WindowProportions.rate("error-rate", window)).contains(new Proportion(15, 100));
        assertThat(WindowProportions.rate("overload-rate", window)).contains(new Proportion(12, 100));
        assertThat(WindowProportions.rate("client-error-rate", window)).contains(new Proportion(5, 100));
        assertThat(WindowProportions.rate("request-rate", window)).isEmpty();
        assertThat(WindowProportions.rate("latency-p99", window)).isEmpty();
    }

    @Test
    void latencyIsCountedAboveTheStableQuantileFromBeforeTheWindow() {
        // Stable history: 90 requests up to 1 ms, 10 up to 100 ms, so its p99 bucket is 100 ms and its p50 bucket 1 ms.
        ServerCounters stableHistory = counters(ServerCountersTestData.exposition("iris", 100, 0, 0, 90, 10));
        ServerCounters canaryWindow = counters(ServerCountersTestData.exposition("iris", 40, 0, 0, 30, 10));
        assertThat(WindowProportions.slowerThanStable(canaryWindow, stableHistory, 0.5)).contains(new Proportion(10, 40));
        assertThat(WindowProportions.slowerThanStable(canaryWindow, stableHistory, 0.99)).contains(new Proportion(0, 40));
        assertThat(WindowProportions.slowerThanStable(canaryWindow, ServerCounters.ZERO, 0.99)).as("no stable history yet").isEmpty();
    }
}
