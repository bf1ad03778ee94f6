package io.mlrollout.operator.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlrollout.api.v1alpha1.InconclusiveAction;
import io.mlrollout.api.v1alpha1.MetricSpec;
import io.mlrollout.api.v1alpha1.Phase;
import io.mlrollout.api.v1alpha1.Verdict;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rollout engine driven by analysis verdicts: what passes, fails, or cannot be judged. */
class AnalysisRolloutTest {

    static final Duration INTERVAL = Duration.ofSeconds(10);

    static ResolvedPolicy judged(InconclusiveAction onInconclusive, Step... steps) {
        return new ResolvedPolicy(List.of(steps), INTERVAL, 2, 50, 3, onInconclusive, Duration.ofMinutes(5),
                PolicyDefaults.metrics());
    }

    static final ResolvedPolicy POLICY = judged(InconclusiveAction.ROLLBACK, new Step.SetWeight(20), Step.Pause.of(INTERVAL),
            new Step.SetWeight(50), Step.Pause.of(INTERVAL));

    static TestingCluster canaryAt20(ResolvedPolicy policy, Verdict verdict) {
        TestingCluster cluster = RolloutEngineTest.stableAt("1.0.0", policy, 10, true).analysis(verdict).desire("2.0.0");
        cluster.settle();
        assertThat(cluster.status().getCanaryWeight()).isEqualTo(20);
        return cluster;
    }

    @Test
    void aPassingCanaryIsPromotedAfterEveryPauseWasJudged() {
        TestingCluster cluster = canaryAt20(POLICY, Verdict.Pass);
        assertThat(cluster.analysisRuns()).as("the first run comes one interval after the canary is Ready").isZero();
        for (int i = 0; i < 10 && cluster.status().getPhase() != Phase.Stable; i++) {
            cluster.advance(INTERVAL).settle();
        }
        assertThat(cluster.status().getPhase()).isEqualTo(Phase.Stable);
        assertThat(cluster.status().getStableVersion()).isEqualTo("2.0.0");
        assertThat(cluster.analysisRuns()).as("one passing run per pause").isEqualTo(2);
    }

    @Test
    void failureLimitFailedRunsRollBackWithTheNumbers() {
        TestingCluster cluster = canaryAt20(POLICY, Verdict.Fail);
        cluster.advance(INTERVAL).settle();
        assertThat(cluster.status().getPhase()).as("one failure is not yet a rollback").isEqualTo(Phase.Progressing);
        assertThat(cluster.status().getFailedChecks()).isEqualTo(1);
        assertThat(cluster.status().getCurrentStep()).as("a failed run never advances a step").isEqualTo(1);
        cluster.advance(INTERVAL).settle();
        assertThat(cluster.status().getPhase()).isEqualTo(Phase.RolledBack);
        assertThat(cluster.status().getHistory().get(0).getReason())
                .startsWith("AnalysisFailed: 2 failed analyses (failureLimit 2): error-rate 0.2000 (limit 0.01000");
        assertThat(RolloutEngineTest.condition(cluster.status(), Reasons.DEGRADED)).isEqualTo("True/AnalysisFailed");
        assertThat(cluster.eventReasons()).containsSubsequence(Reasons.ANALYSIS_FAILED, Reasons.ANALYSIS_FAILED, Reasons.ROLLED_BACK);
        assertThat(cluster.last().topology().canaryWeight()).isZero();
        assertThat(cluster.last().topology().stable().replicas()).isEqualTo(10);
        assertThat(cluster.effectiveWeight()).isZero();
    }

    @Test
    void aCanaryFailingEveryOtherAnalysisIsRolledBackAtTheFailureLimit() {
        ResolvedPolicy longHolds = new ResolvedPolicy(List.of(new Step.SetWeight(20), Step.Pause.of(INTERVAL.multipliedBy(10))),
                INTERVAL, 3, 50, 3, InconclusiveAction.ROLLBACK, Duration.ofMinutes(5), PolicyDefaults.metrics());
        TestingCluster cluster = canaryAt20(longHolds, Verdict.Fail);
        int runs = 0;
        for (Verdict next = Verdict.Fail; runs < 10 && cluster.status().getPhase() == Phase.Progressing; runs++) {
            cluster.analysis(next).advance(INTERVAL).settle();
            next = next == Verdict.Fail ? Verdict.Pass : Verdict.Fail;
        }
        assertThat(cluster.status().getPhase()).isEqualTo(Phase.RolledBack);
        assertThat(runs).as("fail, pass, fail, pass, fail: the third failure rolls back").isEqualTo(5);
        assertThat(cluster.status().getHistory().get(0).getReason()).startsWith("AnalysisFailed: 3 failed analyses (failureLimit 3)");
    }

    @Test
    void aPassNeverForgivesAFailureButTheCountStartsAfreshWithTheNextRollout() {
        TestingCluster cluster = canaryAt20(POLICY, Verdict.Fail);
        cluster.advance(INTERVAL).settle();
        cluster.analysis(Verdict.Pass).advance(INTERVAL).settle();
        assertThat(cluster.status().getFailedChecks()).isEqualTo(1);
        cluster.desire("3.0.0").settle();
        assertThat(cluster.status().getCanaryVersion()).isEqualTo("3.0.0");
        assertThat(cluster.status().getFailedChecks()).isNull();
    }

    @Test
    void inconclusiveRunsNeverAdvanceAndRollBackForInsufficientData() {
        TestingCluster cluster = canaryAt20(POLICY, Verdict.Inconclusive);
        cluster.advance(INTERVAL).settle();
        cluster.advance(INTERVAL).settle();
        assertThat(cluster.status().getCurrentStep()).as("no data is never a pass").isEqualTo(1);
        assertThat(cluster.status().getInconclusiveChecks()).isEqualTo(2);
        cluster.advance(INTERVAL).settle();
        assertThat(cluster.status().getPhase()).isEqualTo(Phase.RolledBack);
        assertThat(RolloutEngineTest.condition(cluster.status(), Reasons.DEGRADED)).isEqualTo("True/InsufficientData");
        assertThat(cluster.status().getMessage()).contains("3 inconclusive analyses in a row", "fewer than minSampleSize 50");
    }

    @Test
    void onInconclusivePauseWaitsAndResumesWhenDataArrives() {
        ResolvedPolicy pausing = judged(InconclusiveAction.PAUSE, new Step.SetWeight(20), Step.Pause.of(INTERVAL));
        TestingCluster cluster = canaryAt20(pausing, Verdict.Inconclusive);
        for (int i = 0; i < 5; i++) {
            cluster.advance(INTERVAL).settle();
        }
        assertThat(cluster.status().getPhase()).isEqualTo(Phase.Paused);
        assertThat(cluster.last().topology().canaryWeight()).as("holds its weight").isEqualTo(20);
        cluster.analysis(Verdict.Pass).advance(INTERVAL).settle();
        assertThat(cluster.status().getPhase()).isIn(Phase.Progressing, Phase.Promoting, Phase.Stable);
        for (int i = 0; i < 5 && cluster.status().getPhase() != Phase.Stable; i++) {
            cluster.advance(INTERVAL).settle();
        }
        assertThat(cluster.status().getStableVersion()).isEqualTo("2.0.0");
    }

    @Test
    void theLastWeightIsJudgedBeforePromotion() {
        ResolvedPolicy noPauses = judged(InconclusiveAction.ROLLBACK, new Step.SetWeight(20), new Step.SetWeight(60));
        TestingCluster cluster = RolloutEngineTest.stableAt("1.0.0", noPauses, 10, true).analysis(Verdict.Pass).desire("2.0.0");
        cluster.settle();
        assertThat(cluster.status().getCanaryWeight()).isEqualTo(60);
        assertThat(cluster.status().getPhase()).as("no run has seen 60%% yet").isEqualTo(Phase.Progressing);
        cluster.advance(INTERVAL).settleThroughDrain();
        assertThat(cluster.status().getPhase()).isEqualTo(Phase.Stable);
    }

    @Test
    void analysisIsDueOnlyWhileTheCanaryHasTraffic() {
        TestingCluster validating = RolloutEngineTest.stableAt("1.0.0", POLICY, 2, true).desire("2.0.0").podsNeverReady("2.0.0");
        validating.settle();
        validating.advance(Duration.ofMinutes(1)).settle();
        assertThat(validating.analysisRuns()).isZero();
        assertThat(AnalysisSchedule.isDue(validating.status(), POLICY, validating.now().plus(Duration.ofHours(1)))).isFalse();

        ResolvedPolicy unjudged = new ResolvedPolicy(POLICY.steps(), INTERVAL, 2, 50, 3, InconclusiveAction.ROLLBACK,
                Duration.ofMinutes(5), List.<MetricSpec>of());
        TestingCluster plain = canaryAt20(unjudged, Verdict.Fail);
        plain.advance(Duration.ofHours(1)).settle();
        assertThat(plain.analysisRuns()).isZero();
    }

    @Test
    void aPauseBeforeAnyWeightEndsOnItsDurationSinceThereIsNothingToJudge() {
        ResolvedPolicy pauseFirst = judged(InconclusiveAction.ROLLBACK, Step.Pause.of(INTERVAL.multipliedBy(3)), new Step.SetWeight(50),
                Step.Pause.of(INTERVAL));
        TestingCluster cluster = RolloutEngineTest.stableAt("1.0.0", pauseFirst, 2, true).analysis(Verdict.Pass).desire("2.0.0");
        cluster.settle();
        assertThat(cluster.effectiveWeight()).isZero();
        cluster.advance(INTERVAL.multipliedBy(3)).settle();
        assertThat(cluster.effectiveWeight()).as("the pause at 0%% is over: " + cluster.status().getMessage()).isEqualTo(50);
        for (int i = 0; i < 5 && cluster.status().getPhase() != Phase.Stable; i++) {
            cluster.advance(INTERVAL).settle();
        }
        assertThat(cluster.status().getStableVersion()).isEqualTo("2.0.0");
    }

    @Test
    void aRunWithoutAWindowStartIsNoCheckAndStartsTheWindow() {
        TestingCluster cluster = canaryAt20(POLICY, Verdict.Inconclusive);
        for (int i = 0; i < 10; i++) {
            cluster.advance(INTERVAL);
            RolloutInput input = new RolloutInput(TestingCluster.model("2.0.0"), 10, true, POLICY, cluster.status(),
                    Observation.of(cluster.pods(), cluster.effectiveWeight()).withAnalysis(AnalysisOutcome.windowNotStarted()),
                    Requests.NONE, 3, cluster.now());
            Decision decision = RolloutEngine.decide(input);
            assertThat(decision.status().getPhase()).isEqualTo(Phase.Progressing);
            assertThat(decision.status().getInconclusiveChecks()).as("not counted").isNull();
            assertThat(decision.status().getLastAnalysis().getTime()).as("the window starts now").isEqualTo(cluster.now().toString());
            assertThat(decision.status().getLastAnalysis().getVerdict()).isNull();
            assertThat(AnalysisSchedule.startsWindow(decision.status(), cluster.now())).isTrue();
        }
    }
}
