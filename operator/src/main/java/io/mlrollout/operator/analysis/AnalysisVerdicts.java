package io.mlrollout.operator.analysis;

import io.mlrollout.api.v1alpha1.MetricResult;
import io.mlrollout.api.v1alpha1.Verdict;
import java.util.List;

/** One verdict for an analysis run: any failed metric fails it, any metric without data leaves it inconclusive. */
public final class AnalysisVerdicts {

    private AnalysisVerdicts() {
    }

    public static Verdict overall(List<MetricResult> results) {
        if (results.stream().anyMatch(r -> r.getVerdict() == Verdict.Fail)) {
            return Verdict.Fail;
        }
        if (results.stream().anyMatch(r -> r.getVerdict() == Verdict.Inconclusive)) {
            return Verdict.Inconclusive;
        }
        return Verdict.Pass;
    }

    /** A sentence naming the failed metrics and their numbers, for events, history and conditions. */
    public static String describeFailures(List<MetricResult> results) {
        StringBuilder text = new StringBuilder();
        for (MetricResult r : results) {
            if (r.getVerdict() == Verdict.Fail) {
                text.append(text.length() == 0 ? "" : "; ").append(r.getName()).append(' ').append(number(r.getCanary()))
                        .append(" (limit ").append(number(r.getLimit())).append(", stable ").append(number(r.getStable()))
                        .append(", ").append(r.getSampleSize() == null ? "?" : r.getSampleSize()).append(" requests)");
            }
        }
        return text.toString();
    }

    private static String number(Double value) {
        return value == null ? "n/a" : String.format(java.util.Locale.ROOT, "%.4g", value);
    }
}
