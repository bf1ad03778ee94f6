package io.mlrollout.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/** The most recent analysis of the canary against the stable version. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AnalysisStatus {

    private String time;
    private Verdict verdict;
    private List<MetricResult> metrics = new ArrayList<>();

    public String getTime() {
        return time;
    }

    public void setTime(String time) {
        this.time = time;
    }

    public Verdict getVerdict() {
        return verdict;
    }

    public void setVerdict(Verdict verdict) {
        this.verdict = verdict;
    }

    public List<MetricResult> getMetrics() {
        return metrics;
    }

    public void setMetrics(List<MetricResult> metrics) {
        this.metrics = metrics;
    }
}
