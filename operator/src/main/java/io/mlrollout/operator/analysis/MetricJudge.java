package io.mlrollout.operator.analysis;

import io.mlrollout.api.v1alpha1.MetricResult;
import io.mlrollout.api.v1alpha1.MetricSpec;
import io.mlrollout.api.v1alpha1.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Judges one metric of one interval. No data, or fewer requests than the metric's minimum sample,
 * is inconclusive: it never passes. Only a number can fail a canary, and below the minimum sample
 * only a latency histogram whose slow requests are too many for any quantile within the limit.
 */
public final class MetricJudge {

    private MetricJudge() {
    }

    public static MetricResult judge(MetricSpec spec, MetricValues values, long minSampleSize) {
        Measurement canary = values.canary();
        MetricResult result = new MetricResult();
        result.setName(spec.getName());
        result.setCanary(canary.hasValue() ? canary.value().getAsDouble() : null);
        result.setStable(values.stable().hasValue() ? values.stable().value().getAsDouble() : null);
        result.setSampleSize(canary.sampleSize() == Measurement.UNKNOWN_SAMPLE ? null : canary.sampleSize());
        result.setQuery(canary.query());
        if (!canary.hasValue()) {
            return verdict(result, Verdict.Inconclusive, "no canary data: " + canary.error());
        }
        long needed = requiredSample(spec, canary, minSampleSize);
        if (canary.sampleSize() != Measurement.UNKNOWN_SAMPLE && canary.sampleSize() < needed) {
            return tooFewRequests(spec, result, canary, values.stable(), needed, minSampleSize);
        }
        if (canary.histogram() != null && canary.histogram().beyondHighestBound()) {
            return withCanaryNote(beyondHighestBound(spec, result, canary.histogram(), values.stable()), canary);
        }
        return withCanaryNote(compare(spec, result, canary.value().getAsDouble(), values.stable()), canary);
    }

    // The quantile is only known to exceed the highest bucket bound: below any limit under that
    // bound it fails; against a limit above it, nothing can be said.
    private static MetricResult beyondHighestBound(MetricSpec spec, MetricResult result, LatencyHistogram histogram, Measurement stable) {
        double bound = histogram.highestFiniteBound();
        for (double limit : upperLimits(spec, stable)) {
            if (limit < bound) {
                result.setLimit(limit);
                return verdict(result, Verdict.Fail, String.format(Locale.ROOT, "%s above the highest histogram bucket (%.4g s)",
                        histogram.label(), bound));
            }
        }
        return verdict(result, Verdict.Inconclusive, String.format(Locale.ROOT,
                "%s above the highest histogram bucket (%.4g s): it cannot be compared with the limit", histogram.label(), bound));
    }

    private static MetricResult withCanaryNote(MetricResult result, Measurement canary) {
        if (canary.note() != null) {
            result.setMessage(result.getMessage() == null ? canary.note() : result.getMessage() + "; " + canary.note());
        }
        return result;
    }

    /** The metric's own minimum, else the policy's, raised to what a latency quantile needs to mean anything. */
    static long requiredSample(MetricSpec spec, Measurement canary, long minSampleSize) {
        if (spec.getMinSampleSize() != null) {
            return spec.getMinSampleSize();
        }
        return canary.histogram() == null ? minSampleSize : Math.max(minSampleSize, canary.histogram().minimumSample());
    }

    private static MetricResult tooFewRequests(MetricSpec spec, MetricResult result, Measurement canary, Measurement stable,
                                               long needed, long policyMinimum) {
        LatencyHistogram histogram = canary.histogram();
        if (histogram != null) {
            for (double limit : upperLimits(spec, stable)) {
                if (ExceedanceEvidence.significantlyAbove(histogram, limit)) {
                    result.setLimit(limit);
                    return verdict(result, Verdict.Fail, String.format(Locale.ROOT,
                            "%d of %d canary requests slower than %.4g s: too many for a %s within the limit",
                            Math.round(histogram.requestsAbove(limit)), canary.sampleSize(), limit, histogram.label()));
                }
            }
        }
        String why = spec.getMinSampleSize() != null ? "this metric's minSampleSize " + needed
                : histogram != null && needed > policyMinimum ? "the " + needed + " a " + histogram.label() + " needs"
                : "minSampleSize " + needed;
        return verdict(result, Verdict.Inconclusive, canary.sampleSize() + " canary requests, fewer than " + why);
    }

    private static List<Double> upperLimits(MetricSpec spec, Measurement stable) {
        List<Double> limits = new ArrayList<>();
        if (spec.getMax() != null) {
            limits.add(spec.getMax());
        }
        if (spec.getMaxRelativeToStable() != null && stable.hasValue()) {
            limits.add(relativeLimit(spec, stable));
        }
        return limits;
    }

    private static MetricResult compare(MetricSpec spec, MetricResult result, double value, Measurement stable) {
        if (spec.getMax() != null && value > spec.getMax()) {
            result.setLimit(spec.getMax());
            return verdict(result, Verdict.Fail, "above max " + spec.getMax());
        }
        if (spec.getMin() != null && value < spec.getMin()) {
            result.setLimit(spec.getMin());
            return verdict(result, Verdict.Fail, "below min " + spec.getMin());
        }
        if (spec.getMaxRelativeToStable() != null) {
            return relativeToStable(spec, result, value, stable);
        }
        result.setLimit(spec.getMax() != null ? spec.getMax() : spec.getMin());
        return verdict(result, Verdict.Pass, null);
    }

    // Without a stable value there is nothing to compare with: an absolute limit that held still
    // decides, otherwise the check cannot say.
    private static MetricResult relativeToStable(MetricSpec spec, MetricResult result, double value, Measurement stable) {
        if (!stable.hasValue()) {
            boolean hasAbsolute = spec.getMax() != null || spec.getMin() != null;
            return verdict(result, hasAbsolute ? Verdict.Pass : Verdict.Inconclusive,
                    "no stable data to compare with: " + stable.error());
        }
        double limit = relativeLimit(spec, stable);
        result.setLimit(limit);
        double tolerance = spec.getTolerance() == null ? 0 : spec.getTolerance();
        if (value <= limit) {
            return verdict(result, Verdict.Pass, stable.note());
        }
        String origin = stable.note() == null ? "" : " (" + stable.note() + ")";
        return verdict(result, Verdict.Fail, "above " + spec.getMaxRelativeToStable() + " x stable + " + tolerance + origin);
    }

    private static double relativeLimit(MetricSpec spec, Measurement stable) {
        double tolerance = spec.getTolerance() == null ? 0 : spec.getTolerance();
        return spec.getMaxRelativeToStable() * stable.value().getAsDouble() + tolerance;
    }

    private static MetricResult verdict(MetricResult result, Verdict verdict, String message) {
        result.setVerdict(verdict);
        result.setMessage(message);
        return result;
    }
}
