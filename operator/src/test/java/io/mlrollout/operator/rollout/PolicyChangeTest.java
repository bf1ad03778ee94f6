package io.mlrollout.operator.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlrollout.api.v1alpha1.InconclusiveAction;
import io.mlrollout.api.v1alpha1.Phase;
import io.mlrollout.api.v1alpha1.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A RolloutPolicy edited, deleted or broken while its rollout runs. */
class PolicyChangeTest {

    static final Duration INTERVAL = AnalysisRolloutTest.INTERVAL;
    static final Duration HOLD = Duration.ofMinutes(1);

    static ResolvedPolicy judged(Step... steps) {
        return AnalysisRolloutTest.judged(InconclusiveAction.ROLLBACK, steps);
    }

    static final ResolvedPolicy THREE_WEIGHTS = judged(new Step.SetWeight(20), Step.Pause.of(HOLD), new Step.SetWeight(50),
            Step.Pause.of(HOLD), new Step.SetWeight(80), Step.Pause.of(HOLD));

    /** A rollout holding 50% (step 4 of 6) with every analysis passing. */
    static TestingCluster holdingFifty(boolean byReplicas) {
        TestingCluster cluster = RolloutEngineTest.stableAt("1.0.0", THREE_WEIGHTS, 10, byReplicas).analysis(Verdict.Pass).desire("2.0.0");
        for (int i = 0; i < 30 && !(cluster.effectiveWeight() == 50 && cluster.status().getCurrentStep() == 3); i++) {
            cluster.advance(INTERVAL).settle();
        }
        assertThat(cluster.status().getCurrentStep()).isEqualTo(3);
        assertThat(cluster.effectiveWeight()).isEqualTo(50);
        assertThat(cluster.status().getPolicySteps()).isEqualTo("20% 1m 50% 1m 80% 1m");
        return cluster;
    }

    static Stream<ResolvedPolicy> editedPolicies() {
        return Stream.of(
                judged(new Step.SetWeight(20), Step.Pause.of(HOLD)),
                judged(new Step.SetWeight(20)),
                judged(new Step.SetWeight(5), Step.Pause.of(HOLD), new Step.SetWeight(10), Step.Pause.of(HOLD), new Step.SetWeight(20),
                        Step.Pause.of(HOLD), new Step.SetWeight(50), Step.Pause.of(HOLD), new Step.SetWeight(80), Step.Pause.of(HOLD)),
                judged(new Step.SetWeight(50), Step.Pause.of(HOLD), new Step.SetWeight(90), Step.Pause.of(HOLD)),
                judged(new Step.SetWeight(60), Step.Pause.untilPromoted()),
                judged(new Step.SetWeight(20), Step.Pause.of(HOLD), new Step.SetWeight(50), Step.Pause.of(Duration.ofMinutes(5))));
    }

    @ParameterizedTest
    @MethodSource("editedPolicies")
    void anEditedPolicyNeverPromotesByItselfNorRaisesTheWeight(ResolvedPolicy edited) {
        TestingCluster cluster = holdingFifty(true);
        cluster.policy(edited).settle();

        assertThat(cluster.status().getPhase()).as(cluster.status().getMessage()).isIn(Phase.Progressing, Phase.Paused);
        assertThat(cluster.status().getStableVersion()).isEqualTo("1.0.0");
        int firstWeight = edited.weightAfter(1);
        assertThat(cluster.effectiveWeight()).isLessThanOrEqualTo(Math.max(50, firstWeight));
        assertThat(cluster.eventReasons()).contains(Reasons.POLICY_CHANGED);
        assertThat(cluster.status().getPolicySteps()).isEqualTo(edited.stepsText());
    }

    @ParameterizedTest
    @MethodSource("editedPolicies")
    void afterAnEditEveryRemainingStepMustPassAgain(ResolvedPolicy edited) {
        TestingCluster cluster = holdingFifty(false);
        int runsBefore = cluster.analysisRuns();
        cluster.policy(edited).settle();
        cluster.request(new Requests(null, null, null));
        for (int i = 0; i < 60 && (cluster.status().getPhase() == Phase.Progressing || cluster.status().getPhase() == Phase.Promoting); i++) {
            cluster.advance(INTERVAL).settle();
        }
        if (cluster.status().getPhase() == Phase.Stable) {
            assertThat(cluster.analysisRuns()).as("a new analysis passed after the edit").isGreaterThan(runsBefore);
            assertThat(cluster.status().getStableVersion()).isEqualTo("2.0.0");
        } else {
            assertThat(cluster.status().getPhase()).as("a pause without duration waits for a person").isEqualTo(Phase.Paused);
        }
    }

    @Test
    void removingTheRemainingStepsRestartsAtALowerWeightInsteadOfPromoting() {
        TestingCluster cluster = holdingFifty(true);
        cluster.policy(judged(new Step.SetWeight(20), Step.Pause.of(HOLD))).settle();
        assertThat(cluster.status().getCurrentStep()).isEqualTo(1);
        assertThat(cluster.effectiveWeight()).isEqualTo(20);
        assertThat(cluster.status().getPhase()).isEqualTo(Phase.Progressing);
    }

    @Test
    void theSamePolicyAfterARestartIsNotAChange() {
        TestingCluster cluster = holdingFifty(true);
        cluster.policy(judged(new Step.SetWeight(20), Step.Pause.of(HOLD), new Step.SetWeight(50), Step.Pause.of(HOLD),
                new Step.SetWeight(80), Step.Pause.of(HOLD))).settle();
        assertThat(cluster.eventReasons()).doesNotContain(Reasons.POLICY_CHANGED);
        assertThat(cluster.status().getCurrentStep()).isEqualTo(3);
    }

    @Test
    void aPolicyGoneMidRolloutHoldsTheWeightWithDegradedThenRollsBackAtTheDeadline() {
        TestingCluster cluster = holdingFifty(true);
        int runs = cluster.analysisRuns();
        cluster.policyUnavailable("spec.rolloutPolicyRef.name: RolloutPolicy 'canary' not found in namespace 'ml'").settle();
        assertThat(cluster.effectiveWeight()).isEqualTo(50);
        assertThat(cluster.status().getPhase()).isEqualTo(Phase.Progressing);
        assertThat(RolloutEngineTest.condition(cluster.status(), Reasons.DEGRADED)).isEqualTo("True/PolicyUnavailable");
        assertThat(cluster.status().getMessage()).contains("Holding canary 2.0.0 at 50% without analysis", "not found");
        assertThat(cluster.last().requeueAfter()).isPresent();

        cluster.advance(PolicyDefaults.PROGRESS_DEADLINE.minusSeconds(1)).settle();
        assertThat(cluster.status().getPhase()).isEqualTo(Phase.Progressing);
        assertThat(cluster.analysisRuns()).as("nothing to judge by").isEqualTo(runs);
        cluster.advance(Duration.ofSeconds(1)).settle();
        assertThat(cluster.status().getPhase()).isEqualTo(Phase.RolledBack);
        assertThat(cluster.effectiveWeight()).isZero();
        assertThat(RolloutEngineTest.condition(cluster.status(), Reasons.DEGRADED)).isEqualTo("True/PolicyUnavailable");
        assertThat(cluster.status().getHistory().get(0).getReason()).startsWith("PolicyUnavailable: spec.rolloutPolicyRef.name")
                .endsWith("no usable RolloutPolicy for 5m");
    }

    @Test
    void aPolicyThatReturnsInTimeLetsTheRolloutGoOn() {
        TestingCluster cluster = holdingFifty(true);
        cluster.policyUnavailable("RolloutPolicy 'canary' steps[0].setWeight: must be 1..100").settle();
        cluster.advance(Duration.ofMinutes(2)).settle();
        cluster.policy(THREE_WEIGHTS).settle();
        assertThat(RolloutEngineTest.condition(cluster.status(), Reasons.DEGRADED)).isEqualTo("False/AsExpected");
        assertThat(cluster.status().getPolicyUnavailableSince()).isNull();
        for (int i = 0; i < 40 && cluster.status().getPhase() != Phase.Stable; i++) {
            cluster.advance(INTERVAL).settle();
        }
        assertThat(cluster.status().getStableVersion()).isEqualTo("2.0.0");
        assertThat(cluster.status().getHistory()).extracting(h -> h.getResult().toString()).first().isEqualTo("Promoted");
    }

    @Test
    void theRestartStepIsTheLastWeightAtOrBelowTheCurrentOne() {
        List<Step> steps = List.of(new Step.SetWeight(10), Step.Pause.of(HOLD), new Step.SetWeight(30), Step.Pause.of(HOLD),
                new Step.SetWeight(60));
        assertThat(PolicyChanges.restartStep(steps, 50)).isEqualTo(2);
        assertThat(PolicyChanges.restartStep(steps, 60)).isEqualTo(4);
        assertThat(PolicyChanges.restartStep(steps, 5)).isZero();
        assertThat(PolicyChanges.restartStep(steps, 100)).isEqualTo(4);
    }
}
