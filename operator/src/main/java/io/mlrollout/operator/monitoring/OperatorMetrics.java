package io.mlrollout.operator.monitoring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.mlrollout.api.v1alpha1.MetricResult;
import java.util.List;
import io.mlrollout.operator.rollout.Reasons;
import io.mlrollout.operator.rollout.RolloutEvent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The operator's own metrics: rollouts by outcome and the canary weight of each ModelDeployment. */
public final class OperatorMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> weights = new ConcurrentHashMap<>();

    public OperatorMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void recordEvent(RolloutEvent event, String rollbackReason) {
        switch (event.reason()) {
            case Reasons.ROLLOUT_STARTED -> registry.counter("mlrollout.rollouts.started").increment();
            case Reasons.PROMOTED -> registry.counter("mlrollout.rollouts.promoted").increment();
            case Reasons.ABORTED -> registry.counter("mlrollout.rollouts.aborted").increment();
            case Reasons.ROLLED_BACK -> registry.counter("mlrollout.rollouts.rolled.back",
                    Tags.of("reason", rollbackReason == null ? "Unknown" : rollbackReason)).increment();
            default -> {
            }
        }
    }

    public void analysed(List<MetricResult> results) {
        for (MetricResult result : results) {
            registry.counter("mlrollout.analysis.checks", Tags.of("metric", result.getName(), "verdict",
                    String.valueOf(result.getVerdict()))).increment();
        }
    }

    public void canaryWeight(String namespace, String name, int weight) {
        weights.computeIfAbsent(namespace + "/" + name, key -> registry.gauge("mlrollout.canary.weight",
                Tags.of("namespace", namespace, "name", name), new AtomicInteger())).set(weight);
    }
}
