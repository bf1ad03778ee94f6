package io.mlrollout.operator.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExceedanceEvidenceTest {

    /** Reference values from summing the binomial terms directly with exact factorials. */
    static double directUpperTail(int n, int k, double p) {
        double sum = 0;
        for (int i = k; i <= n; i++) {
            sum += choose(n, i) * Math.pow(p, i) * Math.pow(1 - p, n - i);
        }
        return sum;
    }

    static double choose(int n, int k) {
        double c = 1;
        for (int j = 1; j <= k; j++) {
            c = c * (n - k + j) / j;
        }
        return c;
    }

    @ParameterizedTest
    @CsvSource({"20, 1, 0.01", "20, 2, 0.01", "20, 3, 0.01", "20, 20, 0.01", "100, 5, 0.05", "50, 0, 0.01", "10, 11, 0.5",
        "200, 7, 0.01", "30, 15, 0.5"})
    void theUpperTailMatchesTheDirectSum(int n, int k, double p) {
        double expected = k > n ? 0 : directUpperTail(n, k, p);
        assertThat(ExceedanceEvidence.upperTail(n, k, p)).isCloseTo(expected, offset(1e-12 + expected * 1e-9));
    }
}
