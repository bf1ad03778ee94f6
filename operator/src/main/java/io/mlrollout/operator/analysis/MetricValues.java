package io.mlrollout.operator.analysis;

/** A metric measured on both sides: the canary, and the stable version it is compared with. */
public record MetricValues(Measurement canary, Measurement stable) {

    public static MetricValues failed(String why) {
        Measurement none = Measurement.noData(why, Measurement.UNKNOWN_SAMPLE);
        return new MetricValues(none, none);
    }
}
