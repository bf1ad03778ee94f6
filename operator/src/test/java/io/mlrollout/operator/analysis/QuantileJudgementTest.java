package io.mlrollout.operator.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlrollout.api.v1alpha1.MetricResult;
import io.mlrollout.api.v1alpha1.MetricSpec;
import io.mlrollout.api.v1alpha1.Verdict;
import java.time.Duration;
import java.util.Arrays;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Latency quantiles judged as the model server reports them: cumulative buckets, few requests per
 * interval, limits that fall inside a bucket. A slow canary must never pass for lack of requests
 * or because a bucket was interpolated.
 */
class QuantileJudgementTest {

    /** Bucket bounds as coarse as the model server ever had them (a factor up to 1.5). */
    static final double[] COARSE = {0.001, 0.0015, 0.002, 0.003, 0.004, 0.005, 0.0075, 0.01, 0.015, 0.02, 0.03, 0.04, 0.05,
        0.075, 0.1, 0.15, 0.2, 0.3, 0.5, 1};

    /** A factor 1.25 between bounds. */
    static final double[] FINE = IntStream.range(0, 32).mapToDouble(i -> 0.001 * Math.pow(1.25, i)).toArray();

    static final long POLICY_MINIMUM = 10;

    /** Cumulative buckets (with +Inf) for requests of the given latencies. */
    static TreeMap<Double, Double> histogram(double[] bounds, double... latencies) {
        TreeMap<Double, Double> cumulative = new TreeMap<>();
        for (double bound : bounds) {
            cumulative.put(bound, (double) Arrays.stream(latencies).filter(l -> l <= bound).count());
        }
        cumulative.put(Double.POSITIVE_INFINITY, (double) latencies.length);
        return cumulative;
    }

    static double[] repeat(double latency, int times) {
        double[] all = new double[times];
        Arrays.fill(all, latency);
        return all;
    }

    static MetricResult judgeP99(MetricSpec spec, TreeMap<Double, Double> canary, TreeMap<Double, Double> stable) {
        ServerCounters canaryCounters = new ServerCounters(OutcomeCounts.of(Histograms.total(canary), 0, 0), canary);
        ServerCounters stableCounters = new ServerCounters(OutcomeCounts.of(Histograms.total(stable), 0, 0), stable);
        MetricValues values = new MetricValues(BuiltInMetrics.measure("latency-p99", canaryCounters, Duration.ofSeconds(10)),
                BuiltInMetrics.measure("latency-p99", stableCounters, Duration.ofSeconds(10)));
        return MetricJudge.judge(spec, values, POLICY_MINIMUM);
    }

    static MetricSpec p99(Double max, Double relative, Double tolerance) {
        MetricSpec spec = new MetricSpec();
        spec.setName("latency-p99");
        spec.setMax(max);
        spec.setMaxRelativeToStable(relative);
        spec.setTolerance(tolerance);
        return spec;
    }

    static Stream<Arguments> layoutsAndSampleSizes() {
        return Stream.of(COARSE, FINE).flatMap(bounds -> IntStream.of(1, 2, 3, 5, 10, 17, 20, 23, 50, 99, 100, 101, 250, 1000, 5000)
                .mapToObj(n -> Arguments.of(bounds == COARSE ? "coarse" : "fine", bounds, n)));
    }

    @ParameterizedTest(name = "{0} buckets, {2} requests")
    @MethodSource("layoutsAndSampleSizes")
    void fiftyMillisecondsInEveryRequestIsNeverJudgedBelowAFortyMillisecondLimit(String layout, double[] bounds, int n) {
        MetricResult result = judgeP99(p99(0.04, null, null), histogram(bounds, repeat(0.05, n)), histogram(bounds, repeat(0.003, 1000)));
        assertThat(result.getVerdict()).as("never a pass, at any sample size").isNotEqualTo(Verdict.Pass);
        if (n >= 2) {
            assertThat(result.getVerdict()).as(result.getMessage()).isEqualTo(Verdict.Fail);
        }
        if (n >= 100) {
            assertThat(result.getCanary()).as("the reported p99 is not below the true 50 ms").isGreaterThanOrEqualTo(0.05);
        }
    }

    @ParameterizedTest(name = "{0} buckets, {2} requests")
    @MethodSource("layoutsAndSampleSizes")
    void aSlowCanaryFailsARelativeLimitAsWell(String layout, double[] bounds, int n) {
        MetricResult result = judgeP99(p99(null, 1.5, 0.005), histogram(bounds, repeat(0.05, n)), histogram(bounds, repeat(0.004, 500)));
        assertThat(result.getVerdict()).isNotEqualTo(Verdict.Pass);
        if (n >= 2) {
            assertThat(result.getVerdict()).as(result.getMessage()).isEqualTo(Verdict.Fail);
        }
    }

    @ParameterizedTest(name = "{0} buckets, {2} requests")
    @MethodSource("layoutsAndSampleSizes")
    void aFastCanaryPassesOnlyWithEnoughRequestsForAP99(String layout, double[] bounds, int n) {
        MetricResult result = judgeP99(p99(0.04, null, null), histogram(bounds, repeat(0.004, n)), histogram(bounds, repeat(0.004, 1000)));
        assertThat(result.getVerdict()).isEqualTo(n >= 100 ? Verdict.Pass : Verdict.Inconclusive);
        if (n < 100) {
            assertThat(result.getMessage()).isEqualTo(n + " canary requests, fewer than the 100 a p99 needs");
        }
    }

    @Test
    void oneSlowRequestAmongFewIsNoEvidenceEitherWay() {
        double[] latencies = repeat(0.004, 20);
        latencies[7] = 0.2;
        MetricResult result = judgeP99(p99(0.04, null, null), histogram(FINE, latencies), histogram(FINE, repeat(0.004, 100)));
        assertThat(result.getVerdict()).isEqualTo(Verdict.Inconclusive);
    }

    @Test
    void manySlowRequestsAmongFewFailWithTheCountInTheMessage() {
        double[] latencies = repeat(0.004, 20);
        for (int i = 0; i < 4; i++) {
            latencies[i] = 0.2;
        }
        MetricResult result = judgeP99(p99(0.04, null, null), histogram(FINE, latencies), histogram(FINE, repeat(0.004, 100)));
        assertThat(result.getVerdict()).isEqualTo(Verdict.Fail);
        assertThat(result.getMessage()).isEqualTo("4 of 20 canary requests slower than 0.04000 s: too many for a p99 within the limit");
        assertThat(result.getLimit()).isEqualTo(0.04);
    }

    @Test
    void aMetricOwnMinimumReplacesTheDerivedOne() {
        MetricSpec spec = p99(0.04, null, null);
        spec.setMinSampleSize(30);
        assertThat(judgeP99(spec, histogram(FINE, repeat(0.004, 30)), histogram(FINE, repeat(0.004, 100))).getVerdict())
                .isEqualTo(Verdict.Pass);
        MetricResult tooFew = judgeP99(spec, histogram(FINE, repeat(0.004, 29)), histogram(FINE, repeat(0.004, 100)));
        assertThat(tooFew.getVerdict()).isEqualTo(Verdict.Inconclusive);
        assertThat(tooFew.getMessage()).isEqualTo("29 canary requests, fewer than this metric's minSampleSize 30");
    }

    @Test
    void aLimitInsideABucketCountsOnlyTheBucketsAboveIt() {
        TreeMap<Double, Double> buckets = histogram(COARSE, 0.035, 0.035, 0.035, 0.06, 0.06);
        assertThat(Histograms.countAbove(buckets, 0.04)).as("(0.03, 0.04] straddles nothing; (0.05, 0.075] is above").isEqualTo(2);
        assertThat(Histograms.countAbove(buckets, 0.035)).as("(0.03, 0.04] straddles 0.035: not counted").isEqualTo(2);
        assertThat(Histograms.countAbove(buckets, 0.03)).isEqualTo(5);
    }

    @Test
    void requestsSlowerThanTheHighestBucketFailEveryLimitBelowIt() {
        MetricResult hanging = judgeP99(p99(0.5, null, null), histogram(COARSE, repeat(30.0, 200)), histogram(COARSE, repeat(0.004, 200)));
        assertThat(hanging.getVerdict()).isEqualTo(Verdict.Fail);
        assertThat(hanging.getMessage()).isEqualTo("p99 above the highest histogram bucket (1.000 s)");

        MetricResult unknowable = judgeP99(p99(2.0, null, null), histogram(COARSE, repeat(30.0, 200)), histogram(COARSE, repeat(0.004, 200)));
        assertThat(unknowable.getVerdict()).as("a limit above the highest bucket cannot be judged").isEqualTo(Verdict.Inconclusive);
    }
}
