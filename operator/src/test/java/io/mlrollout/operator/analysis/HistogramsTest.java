package io.mlrollout.operator.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HistogramsTest {

    /** 100 observations: 10 up to 1ms, 80 more up to 5ms, 9 more up to 10ms, 1 above. */
    static TreeMap<Double, Double> buckets() {
        TreeMap<Double, Double> b = new TreeMap<>();
        b.put(0.001, 10.0);
        b.put(0.005, 90.0);
        b.put(0.010, 99.0);
        b.put(Double.POSITIVE_INFINITY, 100.0);
        return b;
    }

    @ParameterizedTest
    @CsvSource({"0.05, 0.0005", "0.10, 0.001", "0.50, 0.003", "0.90, 0.005", "0.95, 0.0077777777", "0.99, 0.010"})
    void interpolatesLinearlyInsideTheBucket(double q, double expected) {
        assertThat(Histograms.quantile(buckets(), q)).hasValueCloseTo(expected, offset(1e-9));
    }

    @Test
    void aboveTheHighestFiniteBucketAnswersThatBound() {
        assertThat(Histograms.quantile(buckets(), 0.999)).hasValueCloseTo(0.010, offset(1e-12));
    }

    @Test
    void noObservationsIsNoAnswer() {
        assertThat(Histograms.quantile(new TreeMap<>(), 0.99)).isEmpty();
        TreeMap<Double, Double> empty = new TreeMap<>();
        empty.put(0.001, 0.0);
        empty.put(Double.POSITIVE_INFINITY, 0.0);
        assertThat(Histograms.quantile(empty, 0.5)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"0.05, 0.001", "0.10, 0.001", "0.11, 0.005", "0.50, 0.005", "0.90, 0.005", "0.95, 0.010", "0.99, 0.010"})
    void theConservativeReadingIsTheUpperBoundOfTheBucketHoldingTheRank(double q, double expected) {
        assertThat(Histograms.upperBoundQuantile(buckets(), q)).hasValueCloseTo(expected, offset(1e-12));
        assertThat(Histograms.upperBoundQuantile(buckets(), q).getAsDouble())
                .as("never below the interpolated value").isGreaterThanOrEqualTo(Histograms.quantile(buckets(), q).getAsDouble() - 1e-12);
    }

    @Test
    void theConservativeReadingAboveTheHighestFiniteBucketIsThatBound() {
        assertThat(Histograms.upperBoundQuantile(buckets(), 0.999)).hasValueCloseTo(0.010, offset(1e-12));
        assertThat(Histograms.upperBoundQuantile(new TreeMap<>(), 0.99)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"0.0005, 90", "0.001, 90", "0.003, 10", "0.005, 10", "0.010, 1", "1.0, 0"})
    void requestsCertainlyAboveALimit(double limit, double expected) {
        assertThat(Histograms.countAbove(buckets(), limit)).isEqualTo(expected);
    }
}
