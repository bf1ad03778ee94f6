package io.mlrollout.operator.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServerCountersTest {

    @Test
    void readsRequestsByOutcomeAndTheLatencyHistogramOfTheModel() {
        ServerCounters counters = ServerCounters.fromExposition(ServerCountersTestData.exposition("iris", 90, 7, 3, 80, 10) + ServerCountersTestData.exposition("other", 5, 5, 5, 5, 5), "iris");
        assertThat(counters.requests()).isEqualTo(100);
        assertThat(counters.outcomes().get(RequestOutcome.SERVER_ERROR)).isEqualTo(3);
        assertThat(counters.buckets()).containsEntry(0.001, 80.0).containsEntry(Double.POSITIVE_INFINITY, 90.0);
    }

    @Test
    void overloadRefusalsAndTimeoutsAreFailuresTheUserSawAndAreAlsoMeasuredApart() {
        String text = ServerCountersTestData.exposition("iris", 80, 5, 3, 80, 0)
                + "model_inference_requests_total{model=\"iris\",outcome=\"rejected\",version=\"1.0.0\"} 8.0\n"
                + "model_inference_requests_total{model=\"iris\",outcome=\"timeout\",version=\"1.0.0\"} 4.0\n"
                + "model_inference_requests_total{model=\"iris\",outcome=\"not_yet_invented\",version=\"1.0.0\"} 1000.0\n";
        ServerCounters interval = ServerCounters.fromExposition(text, "iris").since(ServerCounters.ZERO);
        assertThat(interval.requests()).as("an outcome this operator does not know is not counted at all").isEqualTo(100);
        assertThat(interval.outcomes().get(RequestOutcome.REJECTED)).isEqualTo(8);
        assertThat(interval.outcomes().get(RequestOutcome.TIMEOUT)).isEqualTo(4);
        assertThat(BuiltInMetrics.measure("error-rate", interval, Duration.ofSeconds(10)).value())
                .as("server errors, refusals and timeouts").hasValueCloseTo(0.15, offset(1e-12));
        assertThat(BuiltInMetrics.measure("overload-rate", interval, Duration.ofSeconds(10)).value()).hasValueCloseTo(0.12, offset(1e-12));
        assertThat(BuiltInMetrics.measure("client-error-rate", interval, Duration.ofSeconds(10)).value()).hasValueCloseTo(0.05, offset(1e-12));
    }

    @Test
    void aRefusalCounterThatWentDownMeansARestart() {
        ServerCounters before = ServerCounters.fromExposition(ServerCountersTestData.exposition("iris", 100, 0, 0, 100, 0)
                + "model_inference_requests_total{model=\"iris\",outcome=\"rejected\",version=\"1.0.0\"} 50.0\n", "iris");
        ServerCounters after = ServerCounters.fromExposition(ServerCountersTestData.exposition("iris", 160, 0, 0, 160, 0)
                + "model_inference_requests_total{model=\"iris\",outcome=\"rejected\",version=\"1.0.0\"} 2.0\n", "iris");
        assertThat(after.since(before).requests()).as("everything the new process counted").isEqualTo(162);
    }

    @Test
    void anIntervalIsTheDifferenceOfTwoReadings() {
        ServerCounters before = ServerCounters.fromExposition(ServerCountersTestData.exposition("iris", 100, 0, 0, 100, 0), "iris");
        ServerCounters after = ServerCounters.fromExposition(ServerCountersTestData.exposition("iris", 190, 5, 5, 150, 40), "iris");
        ServerCounters interval = after.since(before);
        assertThat(interval.requests()).isEqualTo(100);
        assertThat(BuiltInMetrics.measure("error-rate", interval, Duration.ofSeconds(10)).value()).hasValueCloseTo(0.05, offset(1e-12));
        assertThat(BuiltInMetrics.measure("client-error-rate", interval, Duration.ofSeconds(10)).value()).hasValueCloseTo(0.05, offset(1e-12));
        assertThat(BuiltInMetrics.measure("request-rate", interval, Duration.ofSeconds(10)).value()).hasValueCloseTo(10.0, offset(1e-12));
        assertThat(BuiltInMetrics.measure("latency-p99", interval, Duration.ofSeconds(10)).value())
                .as("read as the upper bound of the bucket holding the rank").hasValueCloseTo(0.1, offset(1e-12));
        assertThat(BuiltInMetrics.measure("latency-p50", interval, Duration.ofSeconds(10)).value()).hasValueCloseTo(0.001, offset(1e-12));
        assertThat(BuiltInMetrics.measure("latency-p50", interval, Duration.ofSeconds(10)).sampleSize())
                .as("requests in the histogram").isEqualTo(90);
    }

    @Test
    void aCounterThatWentDownMeansARestartAndCountsFromZero() {
        ServerCounters before = ServerCounters.fromExposition(ServerCountersTestData.exposition("iris", 500, 0, 10, 500, 0), "iris");
        ServerCounters restarted = ServerCounters.fromExposition(ServerCountersTestData.exposition("iris", 20, 0, 1, 20, 0), "iris");
        assertThat(restarted.since(before).requests()).isEqualTo(21);
        assertThat(restarted.since(before).outcomes().get(RequestOutcome.SERVER_ERROR)).isEqualTo(1);
    }

    @Test
    void aNewProcessStartTimeMeansARestartEvenWhenTheCountersGrewPastTheBaseline() {
        ServerCounters before = ServerCounters.fromExposition(started(1_700_000_000.5)
                + ServerCountersTestData.exposition("iris", 100, 0, 0, 100, 0), "iris");
        // The restarted process answered 150 requests, 50 of them server errors: more than the baseline in every counter.
        ServerCounters restarted = ServerCounters.fromExposition(started(1_700_000_100.25)
                + ServerCountersTestData.exposition("iris", 100, 0, 50, 100, 0), "iris");
        assertThat(restarted.since(before).requests()).as("everything since the restart").isEqualTo(150);
        assertThat(BuiltInMetrics.measure("error-rate", restarted.since(before), Duration.ofSeconds(10)).value())
                .hasValueCloseTo(1.0 / 3, offset(1e-12));

        ServerCounters sameProcess = ServerCounters.fromExposition(started(1_700_000_000.5)
                + ServerCountersTestData.exposition("iris", 100, 0, 50, 100, 0), "iris");
        assertThat(sameProcess.since(before).requests()).as("the same process: the difference").isEqualTo(50);
    }

    private static String started(double epochSeconds) {
        return "# TYPE process_start_time_seconds gauge\nprocess_start_time_seconds " + epochSeconds + "\n";
    }

    @Test
    void noRequestsIsNoDataNotZero() {
        Measurement errorRate = BuiltInMetrics.measure("error-rate", ServerCounters.ZERO, Duration.ofSeconds(10));
        assertThat(errorRate.hasValue()).isFalse();
        assertThat(BuiltInMetrics.measure("latency-p99", ServerCounters.ZERO, Duration.ofSeconds(10)).hasValue()).isFalse();
    }

    @Test
    void malformedLinesAreSkipped() {
        String text = "model_inference_requests_total{model=\"iris\",outcome=\"success\"} oops\n"
                + "model_inference_requests_total{model=\"iris\",outcome=\"success\" 3\n"
                + "model_inference_requests_total{model=\"iris\",outcome=\"success\"} 4 1700000000000\n"
                + "model_inference_requests_total{model=\"ir\\\"is\",outcome=\"success\"} 9\n";
        assertThat(ServerCounters.fromExposition(text, "iris").requests()).isEqualTo(4);
        assertThat(ServerCounters.fromExposition(text, "ir\"is").requests()).isEqualTo(9);
    }
}
