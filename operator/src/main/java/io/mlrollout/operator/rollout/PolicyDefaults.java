package io.mlrollout.operator.rollout;

import io.mlrollout.api.v1alpha1.MetricSpec;
import java.time.Duration;
import java.util.List;

/** The values a policy gets for what it leaves unset; documented in the field descriptions. */
public final class PolicyDefaults {

    public static final int FAILURE_LIMIT = 2;
    public static final int MIN_SAMPLE_SIZE = 50;
    public static final int INCONCLUSIVE_LIMIT = 3;
    public static final Duration PROGRESS_DEADLINE = Duration.ofMinutes(5);
    public static final int MAX_WEIGHT = 100;

    private PolicyDefaults() {
    }

    /** Without a metrics list a canary is still judged: on server errors and on p99 latency against stable. */
    public static List<MetricSpec> metrics() {
        MetricSpec errorRate = new MetricSpec();
        errorRate.setName("error-rate");
        errorRate.setMax(0.01);
        MetricSpec latency = new MetricSpec();
        latency.setName("latency-p99");
        latency.setMaxRelativeToStable(1.5);
        latency.setTolerance(0.005);
        return List.of(errorRate, latency);
    }

    /** The policy of a ModelDeployment that names none: 10, 25, 50 percent, each held for one minute. */
    public static List<Step> steps() {
        return List.of(new Step.SetWeight(10), Step.Pause.of(Duration.ofMinutes(1)),
                new Step.SetWeight(25), Step.Pause.of(Duration.ofMinutes(1)),
                new Step.SetWeight(50), Step.Pause.of(Duration.ofMinutes(1)));
    }
}
