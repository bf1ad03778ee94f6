package io.mlrollout.operator.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlrollout.api.v1alpha1.MetricResult;
import io.mlrollout.api.v1alpha1.MetricSpec;
import io.mlrollout.api.v1alpha1.Verdict;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class StableSampleTest {

    /** {@code fast} requests within 5 ms and {@code slow} within 50 ms. */
    static Measurement p99(int fast, int slow) {
        TreeMap<Double, Double> buckets = new TreeMap<>();
        buckets.put(0.005, (double) fast);
        buckets.put(0.05, (double) (fast + slow));
        buckets.put(Double.POSITIVE_INFINITY, (double) (fast + slow));
        return BuiltInMetrics.measure("latency-p99", new ServerCounters(OutcomeCounts.of(fast + slow, 0, 0), buckets), java.time.Duration.ofSeconds(10));
    }

    @Test
    void aStableP99FromTooFewRequestsDoesNotLetASlowerCanaryPass() {
        MetricSpec relative = StableFallbackTest.relative();
        // 10 stable requests, one slow: its "p99" is the slow one, and 1.5 x 50 ms would pass a canary slow in 5% of requests.
        MetricValues values = new MetricValues(p99(950, 50), p99(9, 1));
        assertThat(MetricJudge.judge(relative, values, 50).getVerdict()).as("judged on the noisy stable value").isEqualTo(Verdict.Pass);

        MetricResult judged = MetricJudge.judge(relative, StableSample.usable(relative, values, 50), 50);
        assertThat(judged.getVerdict()).isEqualTo(Verdict.Inconclusive);
        assertThat(judged.getStable()).isNull();
        assertThat(judged.getMessage()).contains("10 stable requests, fewer than the 100 a comparison needs");
    }

    @Test
    void anUnderSampledStableIsReplacedByItsLastGoodValue() {
        MetricSpec relative = StableFallbackTest.relative();
        MetricValues values = StableSample.usable(relative, new MetricValues(p99(950, 50), p99(9, 1)), 50);
        MetricResult judged = MetricJudge.judge(relative, StableFallback.apply(values, "latency-p99",
                StableFallbackTest.previous("latency-p99", 0.005)), 50);
        assertThat(judged.getVerdict()).as("50 ms against 1.5 x 5 ms + 5 ms").isEqualTo(Verdict.Fail);
    }

    @Test
    void enoughStableRequestsAbsoluteLimitsAndUnknownSamplesAreLeftAlone() {
        MetricSpec relative = StableFallbackTest.relative();
        MetricValues enough = new MetricValues(p99(950, 50), p99(99, 1));
        assertThat(StableSample.usable(relative, enough, 50)).isSameAs(enough);

        MetricSpec absolute = new MetricSpec();
        absolute.setName("latency-p99");
        absolute.setMax(0.1);
        MetricValues few = new MetricValues(p99(950, 50), p99(9, 1));
        assertThat(StableSample.usable(absolute, few, 50)).isSameAs(few);

        MetricValues unknown = new MetricValues(Measurement.of(0.01, 500), Measurement.of(0.01, Measurement.UNKNOWN_SAMPLE));
        assertThat(StableSample.usable(relative, unknown, 50)).isSameAs(unknown);
    }

    @Test
    void aMetricsOwnMinimumAppliesToTheStableSideToo() {
        MetricSpec relative = StableFallbackTest.relative();
        relative.setName("error-rate");
        relative.setMinSampleSize(20);
        MetricValues values = new MetricValues(Measurement.of(0.0, 500), Measurement.of(0.0, 19));
        assertThat(StableSample.usable(relative, values, 50).stable().hasValue()).isFalse();
        assertThat(StableSample.usable(relative, new MetricValues(Measurement.of(0.0, 500), Measurement.of(0.0, 20)), 50).stable().hasValue())
                .isTrue();
    }
}
