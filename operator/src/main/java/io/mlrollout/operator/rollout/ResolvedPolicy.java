package io.mlrollout.operator.rollout;

import io.mlrollout.api.v1alpha1.Durations;
import io.mlrollout.api.v1alpha1.InconclusiveAction;
import io.mlrollout.api.v1alpha1.MetricSpec;
import java.time.Duration;
import java.util.List;

/** A RolloutPolicy with every default applied and every duration parsed: what the engine walks. */
public record ResolvedPolicy(
        List<Step> steps,
        Duration analysisInterval,
        int failureLimit,
        int minSampleSize,
        int inconclusiveLimit,
        InconclusiveAction onInconclusive,
        Duration progressDeadline,
        List<MetricSpec> metrics) {

    public ResolvedPolicy {
        steps = List.copyOf(steps);
        metrics = List.copyOf(metrics);
    }

    /** The weight the canary should have after {@code completedSteps} steps. */
    public int weightAfter(int completedSteps) {
        int weight = 0;
        for (int i = 0; i < Math.min(completedSteps, steps.size()); i++) {
            if (steps.get(i) instanceof Step.SetWeight setWeight) {
                weight = setWeight.weight();
            }
        }
        return weight;
    }

    /** The steps as a person reads them, e.g. "10% 1m 50% pause": what status.policySteps records. */
    public String stepsText() {
        StringBuilder text = new StringBuilder();
        for (Step step : steps) {
            text.append(text.length() == 0 ? "" : " ");
            if (step instanceof Step.SetWeight setWeight) {
                text.append(setWeight.weight()).append('%');
            } else {
                text.append(((Step.Pause) step).duration().map(Durations::format).orElse("pause"));
            }
        }
        return text.toString();
    }

    public boolean analysesMetrics() {
        return !metrics.isEmpty();
    }
}
