package io.mlrollout.operator.analysis;

import io.mlrollout.api.v1alpha1.AnalysisStatus;
import io.mlrollout.api.v1alpha1.MetricResult;

/**
 * When the stable version has no value in this interval (the canary takes 100% of traffic, so the
 * stable serves nothing), the stable value of the last analysis that had one stands in for it. A
 * relative limit is then judged against how the stable version last behaved, instead of turning
 * inconclusive and rolling back a good canary for lack of a comparison.
 */
public final class StableFallback {

    private StableFallback() {
    }

    public static MetricValues apply(MetricValues values, String metric, AnalysisStatus previous) {
        if (values.stable().hasValue() || previous == null || previous.getMetrics() == null) {
            return values;
        }
        for (MetricResult earlier : previous.getMetrics()) {
            if (metric.equals(earlier.getName()) && earlier.getStable() != null && Double.isFinite(earlier.getStable())) {
                return new MetricValues(values.canary(), Measurement.remembered(earlier.getStable(),
                        "stable value from the analysis at " + previous.getTime() + "; the stable version has no traffic now ("
                                + values.stable().error() + ")"));
            }
        }
        return values;
    }
}
