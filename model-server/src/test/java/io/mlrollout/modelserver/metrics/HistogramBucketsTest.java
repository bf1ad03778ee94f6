package io.mlrollout.modelserver.metrics;

import static io.mlrollout.modelserver.metrics.InferenceMetrics.BUCKET_SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The latency histogram's layout: a p50/p95/p99 read conservatively (the upper bound of the bucket
 * holding the rank) is at most 25 % above the true value from 1 ms to 1 s, and the buckets reach from
 * 0.1 ms to 10 s.
 */
class HistogramBucketsTest {

    private static final double ONE_MS = 0.001;
    private static final double ONE_S = 1.0;
    private static final double MAX_RATIO = 1.25;

    @Test
    void boundsAreIncreasingRoundNumbers() {
        for (int i = 1; i < BUCKET_SECONDS.length; i++) {
            assertThat(BUCKET_SECONDS[i]).as("bound %d", i).isGreaterThan(BUCKET_SECONDS[i - 1]);
        }
        for (double bound : BUCKET_SECONDS) {
            assertThat(BigDecimal.valueOf(bound).stripTrailingZeros().precision()).as("significant digits of %s", bound)
                    .isLessThanOrEqualTo(3);
        }
    }

    @Test
    void coverAtLeastATenthOfAMillisecondToTenSeconds() {
        assertThat(BUCKET_SECONDS[0]).isLessThanOrEqualTo(0.0001);
        assertThat(BUCKET_SECONDS[BUCKET_SECONDS.length - 1]).isGreaterThanOrEqualTo(10.0);
    }

    @Test
    void neighboursAreAtMostAFactorOneQuarterApartFromOneMillisecondToOneSecond() {
        assertThat(BUCKET_SECONDS).as("the range is closed by bounds of its own").contains(ONE_MS, ONE_S);
        int pairs = 0;
        for (int i = 1; i < BUCKET_SECONDS.length; i++) {
            double lower = BUCKET_SECONDS[i - 1];
            double upper = BUCKET_SECONDS[i];
            if (lower >= ONE_MS && upper <= ONE_S) {
                assertThat(upper / lower).as("%s / %s", upper, lower).isLessThanOrEqualTo(MAX_RATIO);
                pairs++;
            }
        }
        assertThat(pairs).as("three decades of at least 11 steps each").isGreaterThanOrEqualTo(33);
    }

    /** The property the ratio is for, checked directly on a fine logarithmic grid of latencies. */
    @Test
    void theUpperBoundOfTheBucketHoldingALatencyIsAtMostAQuarterAboveIt() {
        for (int step = 0; step <= 3000; step++) {
            double latency = ONE_MS * Math.pow(10, step / 1000.0);
            double upper = Arrays.stream(BUCKET_SECONDS).filter(bound -> bound >= latency).min().orElseThrow();
            assertThat(upper / latency).as("bucket upper bound %s for a latency of %s s", upper, latency)
                    .isLessThanOrEqualTo(MAX_RATIO + 1e-9);
        }
    }
}
