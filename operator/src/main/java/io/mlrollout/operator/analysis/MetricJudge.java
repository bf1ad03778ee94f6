package io.mlrollout.operator.analysis;

import io.mlrollout.api.v1alpha1.MetricResult;
import io.mlrollout.api.v1alpha1.MetricSpec;
import io.mlrollout.api.v1alpha1.Verdict;

/**
 * Judges one metric of one interval. No data, or fewer requests than the minimum sample, is
 * inconclusive: it never passes and never fails. Only a number can fail a canary.
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
        if (canary.sampleSize() != Measurement.UNKNOWN_SAMPLE && canary.sampleSize() < minSampleSize) {
            return verdict(result, Verdict.Inconclusive, canary.sampleSize() + " canary requests, fewer than minSampleSize "
                    + minSampleSize);
        }
        return compare(spec, result, canary.value().getAsDouble(), values.stable());
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
        double tolerance = spec.getTolerance() == null ? 0 : spec.getTolerance();
        if (!stable.hasValue()) {
            boolean hasAbsolute = spec.getMax() != null || spec.getMin() != null;
            return verdict(result, hasAbsolute ? Verdict.Pass : Verdict.Inconclusive,
                    "no stable data to compare with: " + stable.error());
        }
        double limit = spec.getMaxRelativeToStable() * stable.value().getAsDouble() + tolerance;
        result.setLimit(limit);
        return value > limit ? verdict(result, Verdict.Fail, "above " + spec.getMaxRelativeToStable() + " x stable + " + tolerance)
                : verdict(result, Verdict.Pass, null);
    }

    private static MetricResult verdict(MetricResult result, Verdict verdict, String message) {
        result.setVerdict(verdict);
        result.setMessage(message);
        return result;
    }
}
