package io.mlrollout.operator.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlrollout.api.v1alpha1.MetricResult;
import io.mlrollout.api.v1alpha1.MetricSpec;
import io.mlrollout.api.v1alpha1.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetricJudgeTest {

    static final long MIN_SAMPLE = 50;

    /** A null cell means "not set" for limits and "no data" for values. */
    @ParameterizedTest(name = "[{index}] max={0} min={1} rel={2} tol={3} canary={4} stable={5} n={6} -> {7}")
    @CsvSource(nullValues = "null", delimiter = '|', textBlock = """
            # max  | min  | rel  | tol   | canary | stable | n   | verdict      | limit
            0.01   | null | null | null  | 0.005  | null   | 100 | Pass         | 0.01
            0.01   | null | null | null  | 0.01   | null   | 100 | Pass         | 0.01
            0.01   | null | null | null  | 0.0101 | null   | 100 | Fail         | 0.01
            null   | 0.9  | null | null  | 0.95   | null   | 100 | Pass         | 0.9
            null   | 0.9  | null | null  | 0.85   | null   | 100 | Fail         | 0.9
            0.01   | null | null | null  | 0.5    | null   | 49  | Inconclusive | null
            0.01   | null | null | null  | 0.5    | null   | 50  | Fail         | 0.01
            0.01   | null | null | null  | null   | 0.0    | 100 | Inconclusive | null
            null   | null | 1.5  | null  | 0.15   | 0.1    | 100 | Pass         | 0.15
            null   | null | 1.5  | null  | 0.151  | 0.1    | 100 | Fail         | 0.15
            null   | null | 1.5  | 0.005 | 0.004  | 0.0    | 100 | Pass         | 0.005
            null   | null | 1.5  | null  | 0.001  | 0.0    | 100 | Fail         | 0.0
            null   | null | 1.5  | null  | 0.2    | null   | 100 | Inconclusive | null
            0.5    | null | 1.5  | null  | 0.2    | null   | 100 | Pass         | null
            0.1    | null | 1.5  | null  | 0.2    | null   | 100 | Fail         | 0.1
            0.5    | null | 1.5  | null  | 0.2    | 0.1    | 100 | Fail         | 0.15
            """)
    void judgesOneMetric(Double max, Double min, Double relative, Double tolerance, Double canary, Double stable, long sample,
                         Verdict verdict, Double limit) {
        MetricSpec spec = new MetricSpec();
        spec.setName("m");
        spec.setMax(max);
        spec.setMin(min);
        spec.setMaxRelativeToStable(relative);
        spec.setTolerance(tolerance);
        MetricValues values = new MetricValues(measurement(canary, sample), measurement(stable, 1000));
        MetricResult result = MetricJudge.judge(spec, values, MIN_SAMPLE);
        assertThat(result.getVerdict()).isEqualTo(verdict);
        if (limit != null) {
            assertThat(result.getLimit()).isCloseTo(limit, org.assertj.core.data.Offset.offset(1e-12));
        }
        assertThat(result.getCanary()).isEqualTo(canary);
        if (verdict != Verdict.Pass) {
            assertThat(result.getMessage()).isNotBlank();
        }
    }

    @ParameterizedTest
    @CsvSource({"NaN", "Infinity", "-Infinity"})
    void nanAndInfinityAreNoDataNotNumbers(double value) {
        MetricSpec spec = new MetricSpec();
        spec.setName("m");
        spec.setMax(1.0);
        MetricResult result = MetricJudge.judge(spec, new MetricValues(Measurement.of(value, 100), Measurement.of(0, 100)), 0);
        assertThat(result.getVerdict()).isEqualTo(Verdict.Inconclusive);
        assertThat(result.getMessage()).contains("no canary data");
    }

    @ParameterizedTest
    @CsvSource({"Pass, Pass, Pass", "Pass, Inconclusive, Inconclusive", "Inconclusive, Fail, Fail", "Pass, Fail, Fail"})
    void anyFailureFailsTheRunAndAnyGapLeavesItInconclusive(Verdict a, Verdict b, Verdict overall) {
        MetricResult first = new MetricResult();
        first.setVerdict(a);
        MetricResult second = new MetricResult();
        second.setVerdict(b);
        assertThat(AnalysisVerdicts.overall(java.util.List.of(first, second))).isEqualTo(overall);
    }

    private static Measurement measurement(Double value, long sample) {
        return value == null ? Measurement.noData("scrape failed", sample) : Measurement.of(value, sample);
    }
}
