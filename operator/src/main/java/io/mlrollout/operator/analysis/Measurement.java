package io.mlrollout.operator.analysis;

import java.util.OptionalDouble;

/**
 * One side's value of one metric over one interval: a number, or no data with the reason.
 *
 * @param sampleSize requests behind the value, or -1 when the backend does not say
 * @param query the resolved query, for metrics from a metrics backend (null otherwise)
 * @param error why there is no value (null when there is one)
 */
public record Measurement(OptionalDouble value, long sampleSize, String query, String error) {

    public static final long UNKNOWN_SAMPLE = -1;

    public static Measurement of(double value, long sampleSize) {
        return Double.isFinite(value) ? new Measurement(OptionalDouble.of(value), sampleSize, null, null)
                : noData("the value is " + value, sampleSize);
    }

    public static Measurement noData(String why, long sampleSize) {
        return new Measurement(OptionalDouble.empty(), sampleSize, null, why);
    }

    public Measurement withQuery(String resolved) {
        return new Measurement(value, sampleSize, resolved, error);
    }

    public boolean hasValue() {
        return value.isPresent();
    }
}
