package io.mlrollout.operator.analysis;

import java.util.OptionalDouble;

/**
 * One side's value of one metric over one interval: a number, or no data with the reason.
 *
 * @param sampleSize requests behind the value, or -1 when the backend does not say
 * @param query the resolved query, for metrics from a metrics backend (null otherwise)
 * @param error why there is no value (null when there is one)
 * @param histogram the latency histogram a quantile was read from (null for other metrics)
 * @param note where a value came from when it is not this interval's own reading (null otherwise)
 */
public record Measurement(OptionalDouble value, long sampleSize, String query, String error, LatencyHistogram histogram,
                          String note) {

    public static final long UNKNOWN_SAMPLE = -1;

    public static Measurement of(double value, long sampleSize) {
        return Double.isFinite(value) ? new Measurement(OptionalDouble.of(value), sampleSize, null, null, null, null)
                : noData("the value is " + value, sampleSize);
    }

    public static Measurement quantile(double value, LatencyHistogram histogram) {
        return new Measurement(OptionalDouble.of(value), Math.round(histogram.requests()), null, null, histogram, null);
    }

    public static Measurement noData(String why, long sampleSize) {
        return new Measurement(OptionalDouble.empty(), sampleSize, null, why, null, null);
    }

    public Measurement withQuery(String resolved) {
        return new Measurement(value, sampleSize, resolved, error, histogram, note);
    }

    /** The same value, with a remark on how it was measured (for example pods that could not be read). */
    public Measurement withNote(String remark) {
        return new Measurement(value, sampleSize, query, error, histogram, remark);
    }

    /** A value from an earlier interval, standing in for one this interval could not give. */
    public static Measurement remembered(double value, String note) {
        return new Measurement(OptionalDouble.of(value), UNKNOWN_SAMPLE, null, null, null, note);
    }

    public boolean hasValue() {
        return value.isPresent();
    }
}
