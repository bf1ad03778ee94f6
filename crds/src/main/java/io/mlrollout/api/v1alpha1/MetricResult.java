package io.mlrollout.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One metric of one analysis run, with the numbers behind its verdict. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MetricResult {

    private String name;
    private Double canary;
    private Double stable;
    private Double limit;
    private Verdict verdict;
    private Long sampleSize;
    private String query;
    private String message;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Double getCanary() {
        return canary;
    }

    public void setCanary(Double canary) {
        this.canary = canary;
    }

    public Double getStable() {
        return stable;
    }

    public void setStable(Double stable) {
        this.stable = stable;
    }

    public Double getLimit() {
        return limit;
    }

    public void setLimit(Double limit) {
        this.limit = limit;
    }

    public Verdict getVerdict() {
        return verdict;
    }

    public void setVerdict(Verdict verdict) {
        this.verdict = verdict;
    }

    public Long getSampleSize() {
        return sampleSize;
    }

    public void setSampleSize(Long sampleSize) {
        this.sampleSize = sampleSize;
    }

    /** The resolved query, for metrics from a metrics backend. */
    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    /** Why the verdict is what it is: the error text when the metric could not be read. */
    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }
}
