package io.mlrollout.operator.rollout;

import io.mlrollout.api.v1alpha1.AnalysisSpec;
import io.mlrollout.api.v1alpha1.Durations;
import io.mlrollout.api.v1alpha1.InconclusiveAction;
import io.mlrollout.api.v1alpha1.MetricProviderType;
import io.mlrollout.api.v1alpha1.MetricSpec;
import io.mlrollout.api.v1alpha1.RolloutPolicySpec;
import io.mlrollout.api.v1alpha1.RolloutStep;
import io.mlrollout.api.v1alpha1.SpecName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns a RolloutPolicy spec into a {@link ResolvedPolicy}, or into problems a person can act on.
 * The CRD schema already rejects most of these; this catches what reaches the operator anyway
 * (an API server without schema validation, or a policy written before a rule existed).
 */
public final class PolicyResolver {

    private static final Set<String> BUILT_IN_METRICS = Set.of(
            "error-rate", "overload-rate", "client-error-rate", "latency-p50", "latency-p95", "latency-p99", "request-rate");

    private PolicyResolver() {
    }

    public sealed interface Result {
        record Valid(ResolvedPolicy policy) implements Result {
        }

        record Invalid(List<String> problems) implements Result {
        }
    }

    /** The built-in policy for ModelDeployments that name none. */
    public static ResolvedPolicy defaultPolicy(Duration analysisInterval) {
        return new ResolvedPolicy(PolicyDefaults.steps(), analysisInterval, PolicyDefaults.FAILURE_LIMIT,
                PolicyDefaults.MIN_SAMPLE_SIZE, PolicyDefaults.INCONCLUSIVE_LIMIT, InconclusiveAction.ROLLBACK,
                PolicyDefaults.PROGRESS_DEADLINE, PolicyDefaults.metrics());
    }

    /**
     * @param defaultInterval the analysis interval when the policy sets none (operator configuration)
     */
    public static Result resolve(RolloutPolicySpec spec, Duration defaultInterval) {
        List<String> problems = new ArrayList<>();
        if (spec == null) {
            return new Result.Invalid(List.of("spec: the RolloutPolicy has no spec"));
        }
        AnalysisSpec analysis = spec.getAnalysis() != null ? spec.getAnalysis() : new AnalysisSpec();
        Duration interval = duration("spec.analysis.interval", analysis.getInterval(), defaultInterval, problems);
        Duration deadline = duration("spec.analysis.progressDeadline", analysis.getProgressDeadline(),
                PolicyDefaults.PROGRESS_DEADLINE, problems);
        List<Step> steps = steps(spec, interval, problems);
        InconclusiveAction onInconclusive = analysis.getOnInconclusive() == null ? InconclusiveAction.ROLLBACK
                : named("spec.analysis.onInconclusive", analysis.getOnInconclusive(), InconclusiveAction.class, problems);
        List<MetricSpec> metrics = analysis.getMetrics() == null ? PolicyDefaults.metrics() : analysis.getMetrics();
        for (int i = 0; i < metrics.size(); i++) {
            checkMetric("spec.analysis.metrics[" + i + "]", metrics.get(i), problems);
        }
        int failureLimit = atLeast("spec.analysis.failureLimit", analysis.getFailureLimit(), PolicyDefaults.FAILURE_LIMIT, 1, problems);
        int minSample = atLeast("spec.analysis.minSampleSize", analysis.getMinSampleSize(), PolicyDefaults.MIN_SAMPLE_SIZE, 0, problems);
        int inconclusiveLimit = atLeast("spec.analysis.inconclusiveLimit", analysis.getInconclusiveLimit(),
                PolicyDefaults.INCONCLUSIVE_LIMIT, 1, problems);
        if (!problems.isEmpty()) {
            return new Result.Invalid(problems);
        }
        return new Result.Valid(new ResolvedPolicy(steps, interval, failureLimit, minSample, inconclusiveLimit,
                onInconclusive, deadline, metrics));
    }

    private static List<Step> steps(RolloutPolicySpec spec, Duration analysisInterval, List<String> problems) {
        boolean hasSteps = spec.getSteps() != null && !spec.getSteps().isEmpty();
        if (hasSteps == (spec.getStepWeight() != null)) {
            problems.add("spec: give either steps or the shorthand stepWeight, exactly one of them");
            return List.of();
        }
        return hasSteps ? explicitSteps(spec.getSteps(), problems) : shorthandSteps(spec, analysisInterval, problems);
    }

    private static List<Step> explicitSteps(List<RolloutStep> specSteps, List<String> problems) {
        List<Step> steps = new ArrayList<>();
        int lastWeight = 0;
        for (int i = 0; i < specSteps.size(); i++) {
            RolloutStep step = specSteps.get(i);
            String path = "spec.steps[" + i + "]";
            if ((step.getSetWeight() != null) == (step.getPause() != null)) {
                problems.add(path + ": each step is either setWeight or pause, exactly one of them");
            } else if (step.getSetWeight() != null) {
                int weight = step.getSetWeight();
                if (weight < 1 || weight > 100) {
                    problems.add(path + ".setWeight: must be 1..100, was " + weight);
                } else if (weight <= lastWeight) {
                    problems.add(path + ".setWeight: weights must strictly increase, " + weight + " follows " + lastWeight);
                } else {
                    steps.add(new Step.SetWeight(weight));
                    lastWeight = weight;
                }
            } else {
                String text = step.getPause().getDuration();
                steps.add(text == null ? Step.Pause.untilPromoted()
                        : Step.Pause.of(duration(path + ".pause.duration", text, Duration.ZERO, problems)));
            }
        }
        return steps;
    }

    private static List<Step> shorthandSteps(RolloutPolicySpec spec, Duration analysisInterval, List<String> problems) {
        int stepWeight = spec.getStepWeight();
        int maxWeight = spec.getMaxWeight() == null ? PolicyDefaults.MAX_WEIGHT : spec.getMaxWeight();
        Duration hold = duration("spec.interval", spec.getInterval(), analysisInterval, problems);
        if (stepWeight < 1 || stepWeight > 100 || maxWeight < 1 || maxWeight > 100 || stepWeight > maxWeight) {
            problems.add("spec.stepWeight: must be 1..maxWeight (" + maxWeight + "), was " + stepWeight);
            return List.of();
        }
        List<Step> steps = new ArrayList<>();
        for (int weight = stepWeight; ; weight = Math.min(weight + stepWeight, maxWeight)) {
            steps.add(new Step.SetWeight(weight));
            steps.add(Step.Pause.of(hold));
            if (weight == maxWeight) {
                return steps;
            }
        }
    }

    private static void checkMetric(String path, MetricSpec metric, List<String> problems) {
        Optional<MetricProviderType> provider = metric.getProvider() == null ? Optional.of(providerOf(metric))
                : SpecName.lookup(MetricProviderType.class, metric.getProvider());
        if (provider.isEmpty()) {
            problems.add(path + ".provider: unknown metric provider '" + metric.getProvider() + "'; use one of "
                    + SpecName.allowed(MetricProviderType.class));
        } else if (provider.get() == MetricProviderType.PROMETHEUS && metric.getPrometheus() == null) {
            problems.add(path + ".prometheus: provider prometheus needs prometheus.address and prometheus.query");
        } else if (provider.get() == MetricProviderType.MODEL_SERVER && !BUILT_IN_METRICS.contains(metric.getName())) {
            problems.add(path + ".name: '" + metric.getName() + "' is not a built-in metric; use one of "
                    + String.join(", ", BUILT_IN_METRICS.stream().sorted().toList()) + ", or give a prometheus query");
        }
        if (metric.getMax() == null && metric.getMin() == null && metric.getMaxRelativeToStable() == null) {
            problems.add(path + ": metric '" + metric.getName() + "' needs a limit: max, min or maxRelativeToStable");
        }
    }

    /** The provider a metric uses when it names none. */
    public static MetricProviderType providerOf(MetricSpec metric) {
        if (metric.getProvider() != null) {
            return SpecName.lookup(MetricProviderType.class, metric.getProvider()).orElseThrow();
        }
        return metric.getPrometheus() != null ? MetricProviderType.PROMETHEUS : MetricProviderType.MODEL_SERVER;
    }

    private static Duration duration(String path, String text, Duration fallback, List<String> problems) {
        return parsed(path, text, fallback, Durations::parse, problems);
    }

    private static <E extends Enum<E> & SpecName> E named(String path, String text, Class<E> type, List<String> problems) {
        return parsed(path, text, null, name -> SpecName.lookup(type, name).orElseThrow(() ->
                new IllegalArgumentException("unknown value '" + name + "'; use one of " + SpecName.allowed(type))), problems);
    }

    private static <T> T parsed(String path, String text, T fallback, Function<String, T> parser, List<String> problems) {
        if (text == null) {
            return fallback;
        }
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            problems.add(path + ": " + e.getMessage());
            return fallback;
        }
    }

    private static int atLeast(String path, Integer value, int fallback, int min, List<String> problems) {
        if (value == null) {
            return fallback;
        }
        if (value < min) {
            problems.add(path + ": must be at least " + min + ", was " + value);
        }
        return value;
    }
}
