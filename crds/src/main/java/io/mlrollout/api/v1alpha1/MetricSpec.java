package io.mlrollout.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** One metric a canary is judged on, and its limit. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "has(self.max) || has(self.min) || has(self.maxRelativeToStable)",
        message = "a metric needs a limit: max, min or maxRelativeToStable")
@ValidationRule(value = "has(self.prometheus) || (has(self.provider) && self.provider == 'prometheus') || "
        + "self.name in ['error-rate', 'overload-rate', 'client-error-rate', 'latency-p50', 'latency-p95', 'latency-p99', 'request-rate']",
        message = "name must be a built-in metric (error-rate, overload-rate, client-error-rate, latency-p50, latency-p95, "
                + "latency-p99, request-rate) or the metric needs a prometheus query")
@ValidationRule(value = "!has(self.provider) || self.provider != 'prometheus' || has(self.prometheus)",
        message = "provider prometheus needs prometheus.address and prometheus.query")
public class MetricSpec {

    @Required
    @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
    // Bounded so that the API server's CEL cost estimate of the uniqueness rule fits its budget.
    @Size(min = 1, max = 63)
    @JsonPropertyDescription("A built-in metric (error-rate, overload-rate, client-error-rate, latency-p50, latency-p95, "
            + "latency-p99, request-rate) or, with a prometheus query, any name.")
    private String name;

    @SchemaFrom(type = MetricProviderType.class)
    @JsonPropertyDescription("Where the metric comes from: model-server (default: scraped from the model-server "
            + "pods) or prometheus (default when a prometheus query is given).")
    private String provider;

    @JsonPropertyDescription("The Prometheus query for a custom metric.")
    private PrometheusQuery prometheus;

    @JsonPropertyDescription("The canary fails when its value is above this.")
    private Double max;

    @JsonPropertyDescription("The canary fails when its value is below this.")
    private Double min;

    @Min(0)
    @JsonPropertyDescription("The canary fails when its value is above this factor times the stable value "
            + "(plus tolerance), e.g. 1.5.")
    private Double maxRelativeToStable;

    @Min(0)
    @JsonPropertyDescription("Absolute allowance added to maxRelativeToStable's limit, so that a stable value of "
            + "zero does not make every canary fail. Default 0.")
    private Double tolerance;

    @Min(1)
    @JsonPropertyDescription("Fewer canary requests than this in an interval make this metric inconclusive; it "
            + "replaces analysis.minSampleSize for this metric. Default: the larger of analysis.minSampleSize and, for a "
            + "latency quantile, the requests that quantile needs (20 for latency-p95, 100 for latency-p99). Below it, "
            + "a latency metric can still fail when so many requests are above the limit that no quantile within "
            + "the limit could explain them.")
    private Integer minSampleSize;

    public Integer getMinSampleSize() {
        return minSampleSize;
    }

    public void setMinSampleSize(Integer minSampleSize) {
        this.minSampleSize = minSampleSize;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getProvider() {
        return provider;
    }

    public void setProvider(String provider) {
        this.provider = provider;
    }

    public PrometheusQuery getPrometheus() {
        return prometheus;
    }

    public void setPrometheus(PrometheusQuery prometheus) {
        this.prometheus = prometheus;
    }

    public Double getMax() {
        return max;
    }

    public void setMax(Double max) {
        this.max = max;
    }

    public Double getMin() {
        return min;
    }

    public void setMin(Double min) {
        this.min = min;
    }

    public Double getMaxRelativeToStable() {
        return maxRelativeToStable;
    }

    public void setMaxRelativeToStable(Double maxRelativeToStable) {
        this.maxRelativeToStable = maxRelativeToStable;
    }

    public Double getTolerance() {
        return tolerance;
    }

    public void setTolerance(Double tolerance) {
        this.tolerance = tolerance;
    }
}
