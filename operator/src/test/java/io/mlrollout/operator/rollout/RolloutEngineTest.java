package io.mlrollout.operator.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import io.mlrollout.api.v1alpha1.InconclusiveAction;
import io.mlrollout.api.v1alpha1.ModelDeploymentStatus;
import io.mlrollout.api.v1alpha1.ModelRef;
import io.mlrollout.api.v1alpha1.Phase;
import io.mlrollout.api.v1alpha1.RolloutResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RolloutEngineTest {

    static final Duration DEADLINE = Duration.ofMinutes(5);

    static ResolvedPolicy policy(Step... steps) {
        return new ResolvedPolicy(List.of(steps), Duration.ofSeconds(30), 2, 50, 3, InconclusiveAction.ROLLBACK, DEADLINE, List.of());
    }

    static final ResolvedPolicy TWO_STEPS = policy(new Step.SetWeight(20), Step.Pause.of(Duration.ofSeconds(60)),
            new Step.SetWeight(50), Step.Pause.of(Duration.ofSeconds(60)));

    static TestingCluster stableAt(String version, ResolvedPolicy policy, int replicas, boolean byReplicas) {
        TestingCluster cluster = new TestingCluster(policy, replicas, byReplicas).desire(version);
        cluster.settle();
        assertThat(cluster.status().getPhase()).isEqualTo(Phase.Stable);
        return cluster;
    }

    static String condition(ModelDeploymentStatus status, String type) {
        return status.getConditions().stream().filter(c -> type.equals(c.getType())).map(c -> c.getStatus() + "/" + c.getReason())
                .findFirst().orElse("missing");
    }

    @Nested
    class FirstVersion {

        @Test
        void startsInitializingAndBecomesStableWhenItsPodsAreReady() {
            TestingCluster cluster = new TestingCluster(TWO_STEPS, 3, true).desire("1.0.0").podsNeverReady("1.0.0");
            Decision first = cluster.reconcile();
            assertThat(first.status().getPhase()).isEqualTo(Phase.Initializing);
            assertThat(first.topology()).isEqualTo(Topology.stableOnly(ModelRef.of(TestingCluster.model("1.0.0")), 3));
            assertThat(condition(first.status(), Reasons.READY)).isEqualTo("False/Initializing");
            assertThat(first.requeueAfter()).isPresent();

            cluster.podsBecomeReady("1.0.0").settle();
            assertThat(cluster.status().getPhase()).isEqualTo(Phase.Stable);
            assertThat(cluster.status().getStableVersion()).isEqualTo("1.0.0");
            assertThat(cluster.status().getCanaryWeight()).isZero();
            assertThat(condition(cluster.status(), Reasons.READY)).isEqualTo("True/StableVersionReady");
            assertThat(condition(cluster.status(), Reasons.PROGRESSING)).isEqualTo("False/RolloutComplete");
            assertThat(condition(cluster.status(), Reasons.DEGRADED)).isEqualTo("False/AsExpected");
            assertThat(cluster.status().getHistory()).extracting(h -> h.getResult()).containsExactly(RolloutResult.Promoted);
        }

        @Test
        void failsAtTheDeadlineButKeepsThePodsAndRecoversWhenTheyTurnReady() {
            TestingCluster cluster = new TestingCluster(TWO_STEPS, 1, true).desire("1.0.0").podsNeverReady("1.0.0");
            cluster.runUntil(Phase.Failed, Duration.ofSeconds(30), DEADLINE.plusMinutes(1));
            assertThat(cluster.status().getPhase()).isEqualTo(Phase.Failed);
            assertThat(cluster.status().getMessage()).contains("0 of 1 pods Ready after 5m");
            assertThat(condition(cluster.status(), Reasons.DEGRADED)).isEqualTo("True/FirstVersionFailed");
            assertThat(cluster.last().topology().stable().replicas()).isEqualTo(1);

            cluster.podsBecomeReady("1.0.0").settle();
            assertThat(cluster.status().getPhase()).isEqualTo(Phase.Stable);
        }

        @Test
        void aCrashingFirstVersionFailsWithoutWaitingForTheDeadline() {
            TestingCluster cluster = new TestingCluster(TWO_STEPS, 1, true).desire("1.0.0").podsNeverReady("1.0.0")
                    .podsFail("1.0.0", "CrashLoopBackOff, 4 restarts");
            cluster.settle();
            assertThat(cluster.status().getPhase()).isEqualTo(Phase.Failed);
            assertThat(cluster.status().getMessage()).contains("CrashLoopBackOff, 4 restarts");
        }

        @Test
        void aNewVersionBeforeTheFirstIsReadyReplacesIt() {
            TestingCluster cluster = new TestingCluster(TWO_STEPS, 1, true).desire("1.0.0").podsNeverReady("1.0.0");
            cluster.reconcile();
            cluster.desire("1.0.1").settle();
            assertThat(cluster.status().getPhase()).isEqualTo(Phase.Stable);
            assertThat(cluster.status().getStableVersion()).isEqualTo("1.0.1");
            assertThat(cluster.pods()).containsOnlyKeys(ModelRef.of(TestingCluster.model("1.0.1")));
            assertThat(cluster.status().getHistory()).extracting(h -> h.getVersion() + ":" + h.getResult())
                    .containsExactly("1.0.1:Promoted", "1.0.0:Superseded");
        }
    }

    @Nested
    class CanarySteps {

        @Test
        void validatesAtWeightZeroBeforeAnyStep() {
            TestingCluster cluster = stableAt("1.0.0", TWO_STEPS, 4, true).desire("2.0.0").podsNeverReady("2.0.0");
            Decision decision = cluster.settle();
            assertThat(decision.status().getPhase()).isEqualTo(Phase.Validating);
            assertThat(decision.topology().canaryWeight()).isZero();
            assertThat(decision.topology().stable().replicas()).isEqualTo(4);
            assertThat(decision.topology().canary().replicas()).isEqualTo(1);
            assertThat(cluster.effectiveWeight()).isZero();
            assertThat(condition(decision.status(), Reasons.PROGRESSING)).isEqualTo("True/RolloutInProgress");
        }

        @Test
        void walksEveryStepInOrderAndPromotes() {
            TestingCluster cluster = stableAt("1.0.0", TWO_STEPS, 10, true).desire("2.0.0");
            cluster.settle();
            assertThat(cluster.status().getPhase()).isEqualTo(Phase.Progressing);
            assertThat(cluster.status().getCanaryWeight()).isEqualTo(20);
            assertThat(cluster.status().getCurrentStep()).isEqualTo(1);
            assertThat(cluster.last().topology().canary().replicas()).isEqualTo(2);
            assertThat(cluster.last().topology().stable().replicas()).isEqualTo(8);

            cluster.advance(Duration.ofSeconds(59)).settle();
            assertThat(cluster.status().getCurrentStep()).as("the pause is not over").isEqualTo(1);
            assertThat(cluster.last().requeueAfter()).contains(Duration.ofSeconds(1));

            cluster.advance(Duration.ofSeconds(1)).settle();
            assertThat(cluster.status().getCanaryWeight()).isEqualTo(50);
            assertThat(cluster.status().getCurrentStep()).isEqualTo(3);

            cluster.advance(Duration.ofSeconds(60)).settleThroughDrain();
            assertThat(cluster.status().getPhase()).isEqualTo(Phase.Stable);
            assertThat(cluster.status().getStableVersion()).isEqualTo("2.0.0");
            assertThat(cluster.status().getCanaryVersion()).isNull();
            assertThat(cluster.status().getCanaryWeight()).isZero();
            assertThat(cluster.last().topology()).isEqualTo(Topology.stableOnly(ModelRef.of(TestingCluster.model("2.0.0")), 10));
            assertThat(cluster.eventReasons()).containsSubsequence(Reasons.ROLLOUT_STARTED, Reasons.WEIGHT_CHANGED,
                    Reasons.WEIGHT_CHANGED, Reasons.PROMOTED);
            assertThat(cluster.status().getHistory().get(0).getResult()).isEqualTo(RolloutResult.Promoted);
        }

        @Test
        void promotionMovesAllTrafficBeforeTheOldVersionGoes() {
            TestingCluster cluster = stableAt("1.0.0", policy(new Step.SetWeight(50)), 2, true).desire("2.0.0");
            cluster.reconcile();
            cluster.reconcile();
            Decision promoting = cluster.reconcile();
            assertThat(promoting.status().getPhase()).isEqualTo(Phase.Promoting);
            assertThat(promoting.topology().stable()).as("old version still runs").isNotNull();
            assertThat(promoting.topology().stable().replicas()).isPositive();
            cluster.settle();
            assertThat(cluster.effectiveWeight()).isEqualTo(100);
            assertThat(cluster.status().getPhase()).as("all traffic moved; the old version drains").isEqualTo(Phase.Promoting);
            assertThat(cluster.last().topology().stable().replicas()).as("the old version keeps its pods while it drains").isEqualTo(2);
            assertThat(cluster.last().requeueAfter()).contains(CanaryRollout.DRAIN_DELAY);

            cluster.advance(CanaryRollout.DRAIN_DELAY.minusSeconds(1)).settle();
            assertThat(cluster.status().getPhase()).as("one second before the drain is over").isEqualTo(Phase.Promoting);
            cluster.advance(Duration.ofSeconds(1)).settle();
            assertThat(cluster.status().getPhase()).isEqualTo(Phase.Stable);
            assertThat(cluster.last().topology().stable().model().getVersion()).isEqualTo("2.0.0");
        }

        @Test
        void weightsMoveOnlyOnceThePodsForThemAreReady() {
            TestingCluster cluster = stableAt("1.0.0", TWO_STEPS, 10, true).desire("2.0.0");
            cluster.settle();
            cluster.podsNeverReady("2.0.0").advance(Duration.ofSeconds(60)).settle();
            assertThat(cluster.status().getCurrentStep()).as("50%% is not in effect").isEqualTo(2);
            assertThat(cluster.status().getPhase()).isEqualTo(Phase.Progressing);
        }

        @Test
        void aPauseWithoutDurationWaitsForAPromoteRequest() {
            ResolvedPolicy manual = policy(new Step.SetWeight(10), Step.Pause.untilPromoted(), new Step.SetWeight(50));
            TestingCluster cluster = stableAt("1.0.0", manual, 10, true).desire("2.0.0");
            cluster.settle();
            assertThat(cluster.status().getPhase()).isEqualTo(Phase.Paused);
            assertThat(condition(cluster.status(), Reasons.PROGRESSING)).isEqualTo("True/WaitingForPromote");
            assertThat(cluster.eventReasons()).contains(Reasons.PAUSED);
            cluster.advance(Duration.ofHours(5)).settle();
            assertThat(cluster.status().getPhase()).isEqualTo(Phase.Paused);

            cluster.request(new Requests("go", null, null)).settleThroughDrain();
            assertThat(cluster.status().getPhase()).isEqualTo(Phase.Stable);
            assertThat(cluster.status().getStableVersion()).isEqualTo("2.0.0");
            assertThat(cluster.status().getHandledRequests().getPromote()).isEqualTo("go");
        }

        @Test
        void aPromoteRequestSkipsTheRemainingSteps() {
            TestingCluster cluster = stableAt("1.0.0", TWO_STEPS, 4, true).desire("2.0.0");
            cluster.settle();
            cluster.request(new Requests("1", null, null)).settleThroughDrain();
            assertThat(cluster.status().getPhase()).isEqualTo(Phase.Stable);
            assertThat(cluster.status().getStableVersion()).isEqualTo("2.0.0");
        }

        @Test
        void aHandledPromoteRequestIsNotActedOnAgain() {
            TestingCluster cluster = stableAt("1.0.0", TWO_STEPS, 4, true).request(new Requests("1", null, null));
            cluster.settle();
            assertThat(cluster.status().getHandledRequests().getPromote()).as("recorded while nothing could use it").isEqualTo("1");
            cluster.desire("2.0.0").settle();
            assertThat(cluster.status().getPhase()).as("the old annotation does not skip the new rollout").isEqualTo(Phase.Progressing);
        }

        @Test
        void theShorthandPolicyWalksItsExpandedSteps() {
            ResolvedPolicy shorthand = ((PolicyResolver.Result.Valid) PolicyResolver.resolve(
                    PolicyResolverTest.shorthand(25, 75, "10s"), Duration.ofSeconds(30))).policy();
            TestingCluster cluster = stableAt("1.0.0", shorthand, 4, false).desire("2.0.0");
            List<Integer> weights = new java.util.ArrayList<>();
            for (int i = 0; i < 10 && (i == 0 || cluster.status().getPhase() != Phase.Stable); i++) {
                cluster.settle();
                weights.add(cluster.status().getCanaryWeight());
                cluster.advance(Duration.ofSeconds(10));
            }
            assertThat(weights).containsSubsequence(25, 50, 75);
            assertThat(cluster.status().getStableVersion()).isEqualTo("2.0.0");
        }
    }

    @Nested
    class Interruptions {

        @Test
        void anAbortRequestRollsBackAtOnce() {
            TestingCluster cluster = stableAt("1.0.0", TWO_STEPS, 10, true).desire("2.0.0");
            cluster.settle();
            Decision aborted = cluster.request(new Requests(null, "stop", null)).reconcile();
            assertThat(aborted.status().getPhase()).isEqualTo(Phase.RolledBack);
            assertThat(aborted.topology().canaryWeight()).isZero();
            assertThat(aborted.topology().canary().replicas()).isZero();
            assertThat(aborted.topology().stable().replicas()).isEqualTo(10);
            assertThat(aborted.status().getRejected()).isEqualTo(ModelRef.of(TestingCluster.model("2.0.0")));
            assertThat(condition(aborted.status(), Reasons.DEGRADED)).isEqualTo("True/Aborted");
            assertThat(aborted.status().getHistory().get(0).getResult()).isEqualTo(RolloutResult.Aborted);
            assertThat(cluster.effectiveWeight()).isZero();
        }

        @Test
        void aRolledBackVersionIsNotRetriedUntilAskedOrTheSpecChanges() {
            TestingCluster cluster = stableAt("1.0.0", TWO_STEPS, 4, true).desire("2.0.0");
            cluster.settle();
            cluster.request(new Requests(null, "a", null)).settle();
            cluster.advance(Duration.ofHours(1)).settle();
            assertThat(cluster.status().getPhase()).isEqualTo(Phase.RolledBack);
            assertThat(cluster.eventReasons()).containsOnlyOnce(Reasons.ABORTED);

            cluster.request(new Requests(null, "a", "r1")).settle();
            assertThat(cluster.status().getPhase()).isEqualTo(Phase.Progressing);
            assertThat(cluster.status().getCanaryVersion()).isEqualTo("2.0.0");
            assertThat(cluster.status().getHandledRequests().getRetry()).isEqualTo("r1");
        }

        @Test
        void aNewVersionAfterARollbackStartsAFreshRollout() {
            TestingCluster cluster = stableAt("1.0.0", TWO_STEPS, 4, true).desire("2.0.0");
            cluster.settle();
            cluster.request(new Requests(null, "a", null)).settle();
            cluster.desire("2.0.1").settle();
            assertThat(cluster.status().getPhase()).isEqualTo(Phase.Progressing);
            assertThat(cluster.status().getCanaryVersion()).isEqualTo("2.0.1");
            assertThat(cluster.pods()).doesNotContainKey(ModelRef.of(TestingCluster.model("2.0.0")));
        }

        @Test
        void aNewerVersionSupersedesTheRunningCanary() {
            TestingCluster cluster = stableAt("1.0.0", TWO_STEPS, 4, true).desire("2.0.0");
            cluster.settle();
            Decision superseded = cluster.desire("3.0.0").reconcile();
            assertThat(superseded.status().getCanaryVersion()).isEqualTo("3.0.0");
            assertThat(superseded.status().getPhase()).isEqualTo(Phase.Validating);
            assertThat(superseded.topology().canaryWeight()).isZero();
            assertThat(superseded.status().getHistory().get(0).getVersion() + ":" + superseded.status().getHistory().get(0).getResult())
                    .isEqualTo("2.0.0:Superseded");
            assertThat(cluster.eventReasons()).contains(Reasons.SUPERSEDED);
            cluster.settle();
            assertThat(cluster.pods()).doesNotContainKey(ModelRef.of(TestingCluster.model("2.0.0")));
        }

        @Test
        void returningTheSpecToTheStableVersionEndsTheRollout() {
            TestingCluster cluster = stableAt("1.0.0", TWO_STEPS, 4, true).desire("2.0.0");
            cluster.settle();
            cluster.desire("1.0.0").settle();
            assertThat(cluster.status().getPhase()).isEqualTo(Phase.Stable);
            assertThat(cluster.status().getCanaryVersion()).isNull();
            assertThat(cluster.last().topology()).isEqualTo(Topology.stableOnly(ModelRef.of(TestingCluster.model("1.0.0")), 4));
        }

        @Test
        void canaryPodsNotReadyByTheDeadlineAreRolledBackWithTheReason() {
            TestingCluster cluster = stableAt("1.0.0", TWO_STEPS, 4, true).desire("2.0.0").podsNeverReady("2.0.0");
            cluster.runUntil(Phase.RolledBack, Duration.ofSeconds(30), DEADLINE.plusMinutes(1));
            assertThat(cluster.status().getPhase()).isEqualTo(Phase.RolledBack);
            assertThat(cluster.status().getMessage()).contains("not Ready within progressDeadline 5m", "0 of 1 Ready");
            assertThat(condition(cluster.status(), Reasons.DEGRADED)).isEqualTo("True/ProgressDeadlineExceeded");
            assertThat(cluster.events()).filteredOn(RolloutEvent::warning).extracting(RolloutEvent::reason).contains(Reasons.ROLLED_BACK);
            assertThat(cluster.last().topology().stable().replicas()).isEqualTo(4);
        }

        @Test
        void crashingCanaryPodsAreRolledBackWithoutWaitingForTheDeadline() {
            TestingCluster cluster = stableAt("1.0.0", TWO_STEPS, 4, true).desire("2.0.0").podsNeverReady("2.0.0")
                    .podsFail("2.0.0", "CrashLoopBackOff, 4 restarts (pod iris-2-0-0-x)");
            cluster.settle();
            assertThat(cluster.status().getPhase()).isEqualTo(Phase.RolledBack);
            assertThat(cluster.status().getHistory().get(0).getReason()).isEqualTo("CanaryFailing: CrashLoopBackOff, 4 restarts (pod iris-2-0-0-x)");
        }

        @Test
        void theStableVersionNeverLosesPodsDuringARollback() {
            TestingCluster cluster = stableAt("1.0.0", TWO_STEPS, 10, true).desire("2.0.0");
            cluster.settle();
            cluster.advance(Duration.ofSeconds(60)).settle();
            int stableBefore = cluster.last().topology().stable().replicas();
            Decision aborted = cluster.request(new Requests(null, "x", null)).reconcile();
            assertThat(aborted.topology().stable().replicas()).isGreaterThanOrEqualTo(stableBefore).isEqualTo(10);
        }
    }

    /** An operator restarted in any phase decides the same again from status alone: no move, no event. */
    @ParameterizedTest(name = "restart while {0}")
    @MethodSource("phases")
    void aRestartInAnyPhaseResumesWithoutMovingTraffic(Phase phase, TestingCluster cluster) {
        assertThat(cluster.status().getPhase()).isEqualTo(phase);
        Decision before = cluster.last();
        int eventsBefore = cluster.events().size();
        Decision again = cluster.reconcile();
        assertThat(again.topology()).isEqualTo(before.topology());
        assertThat(again.status().getCurrentStep()).isEqualTo(before.status().getCurrentStep());
        assertThat(again.status().getCanaryWeight()).isEqualTo(before.status().getCanaryWeight());
        assertThat(cluster.events()).hasSize(eventsBefore);
        assertThat(again.status().getConditions()).extracting(Condition::getLastTransitionTime)
                .isEqualTo(before.status().getConditions().stream().map(Condition::getLastTransitionTime).toList());
    }

    static Stream<Arguments> phases() {
        TestingCluster initializing = new TestingCluster(TWO_STEPS, 2, true).desire("1.0.0").podsNeverReady("1.0.0");
        initializing.settle();
        TestingCluster stable = stableAt("1.0.0", TWO_STEPS, 2, true);
        TestingCluster validating = stableAt("1.0.0", TWO_STEPS, 2, true).desire("2.0.0").podsNeverReady("2.0.0");
        validating.settle();
        TestingCluster progressing = stableAt("1.0.0", TWO_STEPS, 2, true).desire("2.0.0");
        progressing.settle();
        TestingCluster paused = stableAt("1.0.0", policy(new Step.SetWeight(10), Step.Pause.untilPromoted()), 2, true).desire("2.0.0");
        paused.settle();
        TestingCluster rolledBack = stableAt("1.0.0", TWO_STEPS, 2, true).desire("2.0.0");
        rolledBack.settle();
        rolledBack.request(new Requests(null, "a", null)).settle();
        TestingCluster failed = new TestingCluster(TWO_STEPS, 1, true).desire("1.0.0").podsNeverReady("1.0.0").podsFail("1.0.0", "boom");
        failed.settle();
        return Stream.of(Arguments.of(Phase.Initializing, initializing), Arguments.of(Phase.Stable, stable),
                Arguments.of(Phase.Validating, validating), Arguments.of(Phase.Progressing, progressing),
                Arguments.of(Phase.Paused, paused), Arguments.of(Phase.RolledBack, rolledBack), Arguments.of(Phase.Failed, failed));
    }

    @Test
    void decidingNeverChangesTheStatusItWasGiven() {
        TestingCluster cluster = stableAt("1.0.0", TWO_STEPS, 2, true);
        ModelDeploymentStatus given = cluster.status();
        String before = given.getPhase() + "/" + given.getStableVersion() + "/" + given.getConditions().size();
        RolloutEngine.decide(new RolloutInput(TestingCluster.model("2.0.0"), 2, true, TWO_STEPS, given,
                Observation.of(java.util.Map.of(), 0), Requests.NONE, 9, TestingCluster.START));
        assertThat(given.getPhase() + "/" + given.getStableVersion() + "/" + given.getConditions().size()).isEqualTo(before);
    }

    @Test
    void historyIsBoundedNewestFirst() {
        TestingCluster cluster = stableAt("1.0.0", policy(new Step.SetWeight(50)), 2, false);
        for (int i = 1; i <= History.LIMIT + 3; i++) {
            cluster.desire("2.0." + i).settle(40);
            cluster.settleThroughDrain();
            assertThat(cluster.status().getStableVersion()).isEqualTo("2.0." + i);
        }
        assertThat(cluster.status().getHistory()).hasSize(History.LIMIT);
        assertThat(cluster.status().getHistory().get(0).getVersion()).isEqualTo("2.0." + (History.LIMIT + 3));
        assertThat(Optional.ofNullable(cluster.status().getHistory().get(0).getFinishedAt())).isPresent();
    }
}
