package io.mlrollout.operator.metrics;

import io.mlrollout.api.v1alpha1.MetricSpec;
import io.mlrollout.operator.analysis.MetricValues;
import java.util.List;
import java.util.Map;

/**
 * A metrics backend. Implementations never throw for backend trouble (unreachable, error, empty
 * result): they answer "no data" with the reason, which the judgement treats as inconclusive.
 */
public interface MetricProvider {

    /** Measures each metric, by name, on the canary and the stable side over the target's interval. */
    Map<String, MetricValues> measure(List<MetricSpec> metrics, AnalysisTarget target);

    /** The analysis that used the last {@link #measure} of this target is recorded: its readings may become baselines. */
    default void commit(AnalysisTarget target) {
    }

    /** An analysis window starts now: backends that subtract readings take their baseline. */
    default void baseline(AnalysisTarget target) {
    }

    /**
     * Whether this backend can measure an interval of the target's canary now: false when it
     * subtracts readings and holds no baseline of any canary pod (this process has just started).
     */
    default boolean hasBaseline(AnalysisTarget target) {
        return true;
    }
}
