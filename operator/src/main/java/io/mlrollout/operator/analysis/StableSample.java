package io.mlrollout.operator.analysis;

import io.mlrollout.api.v1alpha1.MetricSpec;

/**
 * A relative limit is only as good as the stable value it multiplies. A stable version that served
 * too few requests in the interval (at a high canary weight, say) gives noise: a p99 of ten requests
 * is their slowest one, which would let a slower canary pass. Such a stable value counts as no
 * value, by the same minimum sample the canary needs; an earlier stable value may then stand in
 * ({@link StableFallback}).
 */
public final class StableSample {

    private StableSample() {
    }

    public static MetricValues usable(MetricSpec spec, MetricValues values, long minSampleSize) {
        Measurement stable = values.stable();
        if (spec.getMaxRelativeToStable() == null || !stable.hasValue() || stable.sampleSize() == Measurement.UNKNOWN_SAMPLE) {
            return values;
        }
        long needed = MetricJudge.requiredSample(spec, stable, minSampleSize);
        if (stable.sampleSize() >= needed) {
            return values;
        }
        return new MetricValues(values.canary(), Measurement.noData(stable.sampleSize() + " stable requests, fewer than the "
                + needed + " a comparison needs", stable.sampleSize()));
    }
}
