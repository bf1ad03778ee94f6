package io.mlrollout.operator.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlrollout.api.v1alpha1.InconclusiveAction;
import io.mlrollout.api.v1alpha1.Verdict;
import io.mlrollout.operator.analysis.ServerCountersTestData;
import io.mlrollout.operator.rollout.AnalysisOutcome;
import io.mlrollout.operator.rollout.ResolvedPolicy;
import io.mlrollout.operator.rollout.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AnalysisRunnerTest {

    static final ResolvedPolicy POLICY = new ResolvedPolicy(List.of(new Step.SetWeight(20)), Duration.ofSeconds(10), 2, 10, 3,
            InconclusiveAction.ROLLBACK, Duration.ofMinutes(5), List.of(ModelServerMetricProviderTest.metric("error-rate")));
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aNewProcessWithoutBaselinesStartsTheWindowOnceInsteadOfCountingAnInconclusiveCheck() throws Exception {
        AtomicReference<String> text = new AtomicReference<>(ServerCountersTestData.exposition("iris", 100, 0, 0, 100, 0));
        try (TestingHttpServer canary = ModelServerMetricProviderTest.serving(text)) {
            AnalysisRunner runner = new AnalysisRunner(new ModelServerMetricProvider(), new PrometheusMetricProvider());
            AnalysisTarget target = ModelServerMetricProviderTest.target(List.of(ModelServerMetricProviderTest.pod("c", canary)), List.of());

            AnalysisOutcome first = runner.run(POLICY, target, null, NOW);
            assertThat(first.startsWindow()).as("no baseline in this process: no check").isTrue();
            assertThat(canary.hits("/q/metrics")).as("nothing measured").isZero();

            AnalysisOutcome again = runner.run(POLICY, target, null, NOW);
            assertThat(again.startsWindow()).as("only once per canary: a canary that never keeps a baseline is still judged").isFalse();
            assertThat(again.verdict()).isEqualTo(Verdict.Inconclusive);

            runner.baseline(target);
            text.set(ServerCountersTestData.exposition("iris", 150, 0, 0, 150, 0));
            AnalysisOutcome measured = runner.run(POLICY, target, null, NOW);
            assertThat(measured.verdict()).isEqualTo(Verdict.Pass);
        }
    }

    @Test
    void withABaselineTheFirstRunOfAProcessIsMeasured() throws Exception {
        AtomicReference<String> text = new AtomicReference<>(ServerCountersTestData.exposition("iris", 100, 0, 0, 100, 0));
        try (TestingHttpServer canary = ModelServerMetricProviderTest.serving(text)) {
            AnalysisRunner runner = new AnalysisRunner(new ModelServerMetricProvider(), new PrometheusMetricProvider());
            AnalysisTarget target = ModelServerMetricProviderTest.target(List.of(ModelServerMetricProviderTest.pod("c", canary)), List.of());
            runner.baseline(target);
            text.set(ServerCountersTestData.exposition("iris", 150, 0, 10, 150, 10));
            assertThat(runner.run(POLICY, target, null, NOW).verdict()).isEqualTo(Verdict.Pass);
        }
    }
}
