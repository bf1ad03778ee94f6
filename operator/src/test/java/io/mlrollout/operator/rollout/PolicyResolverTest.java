package io.mlrollout.operator.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlrollout.api.v1alpha1.AnalysisSpec;
import io.mlrollout.api.v1alpha1.InconclusiveAction;
import io.mlrollout.api.v1alpha1.MetricSpec;
import io.mlrollout.api.v1alpha1.RolloutPolicySpec;
import io.mlrollout.api.v1alpha1.RolloutStep;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyResolverTest {

    static final Duration INTERVAL = Duration.ofSeconds(30);

    static RolloutPolicySpec shorthand(int stepWeight, Integer maxWeight, String interval) {
        RolloutPolicySpec spec = new RolloutPolicySpec();
        spec.setStepWeight(stepWeight);
        spec.setMaxWeight(maxWeight);
        spec.setInterval(interval);
        return spec;
    }

    static RolloutPolicySpec steps(RolloutStep... steps) {
        RolloutPolicySpec spec = new RolloutPolicySpec();
        spec.setSteps(List.of(steps));
        return spec;
    }

    static ResolvedPolicy valid(RolloutPolicySpec spec) {
        PolicyResolver.Result result = PolicyResolver.resolve(spec, INTERVAL);
        assertThat(result).isInstanceOf(PolicyResolver.Result.Valid.class);
        return ((PolicyResolver.Result.Valid) result).policy();
    }

    static List<String> problems(RolloutPolicySpec spec) {
        PolicyResolver.Result result = PolicyResolver.resolve(spec, INTERVAL);
        assertThat(result).isInstanceOf(PolicyResolver.Result.Invalid.class);
        return ((PolicyResolver.Result.Invalid) result).problems();
    }

    @Test
    void explicitStepsKeepTheirOrderAndDurations() {
        ResolvedPolicy policy = valid(steps(RolloutStep.weight(10), RolloutStep.pause("30s"), RolloutStep.weight(50),
                RolloutStep.pause(null)));
        assertThat(policy.steps()).containsExactly(new Step.SetWeight(10), Step.Pause.of(Duration.ofSeconds(30)),
                new Step.SetWeight(50), Step.Pause.untilPromoted());
        assertThat(policy.weightAfter(0)).isZero();
        assertThat(policy.weightAfter(2)).isEqualTo(10);
        assertThat(policy.weightAfter(4)).isEqualTo(50);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "20, 80, 10s, '20,40,60,80', 10",
            "30, null, 1m, '30,60,90,100', 60",
            "50, 50, null, '50', 30",
            "100, null, 5s, '100', 5"})
    void theShorthandExpandsToWeightsEachHeldForTheInterval(int step, Integer max, String interval, String weights, long holdSeconds) {
        ResolvedPolicy policy = valid(shorthand(step, max, interval));
        List<Integer> expected = java.util.Arrays.stream(weights.split(",")).map(Integer::parseInt).toList();
        assertThat(policy.steps().stream().filter(Step.SetWeight.class::isInstance).map(s -> ((Step.SetWeight) s).weight()))
                .containsExactlyElementsOf(expected);
        assertThat(policy.steps()).filteredOn(Step.Pause.class::isInstance)
                .hasSize(expected.size())
                .allSatisfy(p -> assertThat(((Step.Pause) p).duration()).contains(Duration.ofSeconds(holdSeconds)));
    }

    @Test
    void unsetAnalysisFieldsTakeTheDefaults() {
        ResolvedPolicy policy = valid(shorthand(10, null, null));
        assertThat(policy.analysisInterval()).isEqualTo(INTERVAL);
        assertThat(policy.failureLimit()).isEqualTo(2);
        assertThat(policy.minSampleSize()).isEqualTo(50);
        assertThat(policy.inconclusiveLimit()).isEqualTo(3);
        assertThat(policy.onInconclusive()).isEqualTo(InconclusiveAction.ROLLBACK);
        assertThat(policy.progressDeadline()).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.metrics()).extracting(MetricSpec::getName).containsExactly("error-rate", "latency-p99");
    }

    @Test
    void theBuiltInPolicyIsValidOnItsOwnTerms() {
        ResolvedPolicy policy = PolicyResolver.defaultPolicy(INTERVAL);
        assertThat(policy.weightAfter(policy.steps().size())).isEqualTo(50);
        assertThat(policy.analysesMetrics()).isTrue();
    }

    @Test
    void problemsNameTheFieldAndWhatToDo() {
        assertThat(problems(steps(RolloutStep.weight(50), RolloutStep.weight(20))))
                .containsExactly("spec.steps[1].setWeight: weights must strictly increase, 20 follows 50");
        assertThat(problems(steps(RolloutStep.weight(10), RolloutStep.pause("30 seconds"))))
                .singleElement().asString().startsWith("spec.steps[1].pause.duration: '30 seconds' is not a duration");
        assertThat(problems(steps(RolloutStep.weight(150)))).containsExactly("spec.steps[0].setWeight: must be 1..100, was 150");
        assertThat(problems(new RolloutPolicySpec())).containsExactly("spec: give either steps or the shorthand stepWeight, exactly one of them");
        assertThat(problems(shorthand(60, 40, null))).containsExactly("spec.stepWeight: must be 1..maxWeight (40), was 60");
    }

    @Test
    void metricsAreCheckedForProviderNameAndLimit() {
        assertThat(problems(withMetric(m -> m.setProvider("datadog"))))
                .containsExactly("spec.analysis.metrics[0].provider: unknown metric provider 'datadog'; use one of model-server, prometheus");
        assertThat(problems(withMetric(m -> m.setName("accuracy"))))
                .singleElement().asString().startsWith("spec.analysis.metrics[0].name: 'accuracy' is not a built-in metric");
        assertThat(problems(withMetric(m -> m.setMax(null))))
                .containsExactly("spec.analysis.metrics[0]: metric 'error-rate' needs a limit: max, min or maxRelativeToStable");
        assertThat(problems(withMetric(m -> m.setProvider("prometheus"))))
                .containsExactly("spec.analysis.metrics[0].prometheus: provider prometheus needs prometheus.address and prometheus.query");
    }

    @Test
    void anUnknownInconclusiveActionIsAProblem() {
        RolloutPolicySpec spec = shorthand(10, null, null);
        spec.setAnalysis(new AnalysisSpec());
        spec.getAnalysis().setOnInconclusive("ignore");
        assertThat(problems(spec)).containsExactly("spec.analysis.onInconclusive: unknown value 'ignore'; use one of rollback, pause");
    }

    @Test
    void anEmptyMetricListMeansNoMetricAnalysis() {
        RolloutPolicySpec spec = shorthand(10, null, null);
        spec.setAnalysis(new AnalysisSpec());
        spec.getAnalysis().setMetrics(List.of());
        assertThat(valid(spec).analysesMetrics()).isFalse();
    }

    private static RolloutPolicySpec withMetric(Consumer<MetricSpec> change) {
        MetricSpec metric = new MetricSpec();
        metric.setName("error-rate");
        metric.setMax(0.01);
        change.accept(metric);
        RolloutPolicySpec spec = shorthand(10, null, null);
        spec.setAnalysis(new AnalysisSpec());
        spec.getAnalysis().setMetrics(List.of(metric));
        return spec;
    }
}
