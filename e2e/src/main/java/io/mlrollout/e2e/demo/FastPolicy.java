package io.mlrollout.e2e.demo;

import io.mlrollout.api.v1alpha1.AnalysisSpec;
import io.mlrollout.api.v1alpha1.MetricSpec;
import io.mlrollout.api.v1alpha1.Durations;
import io.mlrollout.api.v1alpha1.RolloutPolicy;
import io.mlrollout.api.v1alpha1.RolloutStep;
import java.time.Duration;

/** The same policy with every duration divided by ten: the same steps and checks, in a tenth of the time. */
final class FastPolicy {

    private static final int FACTOR = 10;

    private FastPolicy() {
    }

    static RolloutPolicy of(RolloutPolicy policy) {
        if (policy.getSpec().getSteps() != null) {
            for (RolloutStep step : policy.getSpec().getSteps()) {
                if (step.getPause() != null && step.getPause().getDuration() != null) {
                    step.getPause().setDuration(divided(step.getPause().getDuration()));
                }
            }
        }
        AnalysisSpec analysis = policy.getSpec().getAnalysis();
        if (analysis != null) {
            analysis.setInterval(analysis.getInterval() == null ? null : divided(analysis.getInterval()));
            analysis.setProgressDeadline(analysis.getProgressDeadline() == null ? null : divided(analysis.getProgressDeadline()));
            // A tenth of the interval sees a tenth of the requests.
            if (analysis.getMinSampleSize() != null) {
                analysis.setMinSampleSize(Math.max(5, analysis.getMinSampleSize() / FACTOR));
            }
            // A latency quantile needs 1 / (1 - q) requests (100 for a p99) before the operator
            // judges it; the fast demo accepts a tenth of that, and so a noisier quantile.
            if (analysis.getMetrics() != null) {
                for (MetricSpec metric : analysis.getMetrics()) {
                    quantileOf(metric.getName()).ifPresent(q -> metric.setMinSampleSize(
                            Math.max(5, (int) Math.ceil(1 / (1 - q) / FACTOR))));
                }
            }
        }
        return policy;
    }

    private static java.util.Optional<Double> quantileOf(String metric) {
        return switch (metric) {
            case "latency-p95" -> java.util.Optional.of(0.95);
            case "latency-p99" -> java.util.Optional.of(0.99);
            default -> java.util.Optional.empty();
        };
    }

    private static String divided(String duration) {
        Duration shorter = Durations.parse(duration).dividedBy(FACTOR);
        return shorter.toMillis() % 1000 == 0 ? shorter.toSeconds() + "s" : shorter.toMillis() + "ms";
    }
}
