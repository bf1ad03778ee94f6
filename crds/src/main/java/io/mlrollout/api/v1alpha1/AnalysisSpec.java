package io.mlrollout.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class AnalysisSpec {

    @Pattern(Durations.PATTERN)
    @JsonPropertyDescription("How often the canary is judged, e.g. 30s. Default 30s.")
    private String interval;

    @Min(1)
    @Max(100)
    @JsonPropertyDescription("Failed checks that roll the canary back, counted over the whole rollout: a passing check "
            + "in between does not reset the count. Default 2.")
    private Integer failureLimit;

    @Min(0)
    @JsonPropertyDescription("Fewer canary requests than this in an interval make the check inconclusive, "
            + "never a pass. Default 50. A latency quantile needs at least 1 / (1 - q) requests whatever this says "
            + "(100 for latency-p99); see metrics[].minSampleSize.")
    private Integer minSampleSize;

    @Min(1)
    @Max(100)
    @JsonPropertyDescription("Inconclusive checks in a row before onInconclusive applies. Default 3.")
    private Integer inconclusiveLimit;

    @SchemaFrom(type = InconclusiveAction.class)
    @JsonPropertyDescription("What too many inconclusive checks do: rollback (default, reason InsufficientData) "
            + "or pause (wait for a person).")
    private String onInconclusive;

    @Pattern(Durations.PATTERN)
    @JsonPropertyDescription("Canary pods must be Ready this long after the rollout starts, else it is rolled back. "
            + "Default 5m.")
    private String progressDeadline;

    @Size(max = 20)
    @ValidationRule(value = "self.all(m, self.exists_one(n, n.name == m.name))",
            message = "metric names must be unique within a policy")
    @JsonPropertyDescription("The metrics to judge. Default: error-rate at most 1% and latency-p99 at most "
            + "1.5 x stable.")
    private List<MetricSpec> metrics;

    public String getInterval() {
        return interval;
    }

    public void setInterval(String interval) {
        this.interval = interval;
    }

    public Integer getFailureLimit() {
        return failureLimit;
    }

    public void setFailureLimit(Integer failureLimit) {
        this.failureLimit = failureLimit;
    }

    public Integer getMinSampleSize() {
        return minSampleSize;
    }

    public void setMinSampleSize(Integer minSampleSize) {
        this.minSampleSize = minSampleSize;
    }

    public Integer getInconclusiveLimit() {
        return inconclusiveLimit;
    }

    public void setInconclusiveLimit(Integer inconclusiveLimit) {
        this.inconclusiveLimit = inconclusiveLimit;
    }

    public String getOnInconclusive() {
        return onInconclusive;
    }

    public void setOnInconclusive(String onInconclusive) {
        this.onInconclusive = onInconclusive;
    }

    public String getProgressDeadline() {
        return progressDeadline;
    }

    public void setProgressDeadline(String progressDeadline) {
        this.progressDeadline = progressDeadline;
    }

    public List<MetricSpec> getMetrics() {
        return metrics;
    }

    public void setMetrics(List<MetricSpec> metrics) {
        this.metrics = metrics;
    }
}
