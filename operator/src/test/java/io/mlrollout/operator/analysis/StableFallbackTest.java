package io.mlrollout.operator.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlrollout.api.v1alpha1.AnalysisStatus;
import io.mlrollout.api.v1alpha1.MetricResult;
import io.mlrollout.api.v1alpha1.MetricSpec;
import io.mlrollout.api.v1alpha1.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class StableFallbackTest {

    static AnalysisStatus previous(String metric, Double stable) {
        MetricResult result = new MetricResult();
        result.setName(metric);
        result.setStable(stable);
        AnalysisStatus status = new AnalysisStatus();
        status.setTime("2026-01-01T00:00:30Z");
        status.setMetrics(List.of(result));
        return status;
    }

    static MetricSpec relative() {
        MetricSpec spec = new MetricSpec();
        spec.setName("latency-p99");
        spec.setMaxRelativeToStable(1.5);
        spec.setTolerance(0.005);
        return spec;
    }

    @Test
    void aStableVersionWithoutTrafficIsJudgedByItsLastValue() {
        MetricValues atFullWeight = new MetricValues(Measurement.of(0.012, 500), Measurement.noData("no requests in the interval", 0));
        MetricValues values = StableFallback.apply(atFullWeight, "latency-p99", previous("latency-p99", 0.006));

        MetricResult result = MetricJudge.judge(relative(), values, 50);
        assertThat(result.getVerdict()).isEqualTo(Verdict.Pass);
        assertThat(result.getStable()).isEqualTo(0.006);
        assertThat(result.getLimit()).isCloseTo(0.014, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(result.getMessage()).isEqualTo("stable value from the analysis at 2026-01-01T00:00:30Z; the stable version "
                + "has no traffic now (no requests in the interval)");

        MetricResult slower = MetricJudge.judge(relative(), StableFallback.apply(new MetricValues(Measurement.of(0.02, 500),
                Measurement.noData("no requests in the interval", 0)), "latency-p99", previous("latency-p99", 0.006)), 50);
        assertThat(slower.getVerdict()).isEqualTo(Verdict.Fail);
    }

    @Test
    void aStableValueOfThisIntervalIsNeverReplaced() {
        MetricValues values = new MetricValues(Measurement.of(0.012, 500), Measurement.of(0.004, 500));
        assertThat(StableFallback.apply(values, "latency-p99", previous("latency-p99", 0.006))).isSameAs(values);
    }

    @Test
    void withoutAnEarlierStableValueTheMetricStaysWithoutOne() {
        MetricValues values = new MetricValues(Measurement.of(0.012, 500), Measurement.noData("no Ready pods to scrape", -1));
        assertThat(StableFallback.apply(values, "latency-p99", null)).isSameAs(values);
        assertThat(StableFallback.apply(values, "latency-p99", previous("error-rate", 0.0))).isSameAs(values);
        assertThat(StableFallback.apply(values, "latency-p99", previous("latency-p99", null))).isSameAs(values);
        assertThat(MetricJudge.judge(relative(), values, 50).getVerdict()).isEqualTo(Verdict.Inconclusive);
    }
}
