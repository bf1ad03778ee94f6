package io.mlrollout.operator.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlrollout.api.v1alpha1.ModelRef;
import io.mlrollout.api.v1alpha1.Phase;
import io.mlrollout.api.v1alpha1.Verdict;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A policy whose walk ends at 100% (the shorthand stepWeight: 50 does). Until promotion the stable
 * version keeps all its pods, so that anything that ends the rollout there finds it able to serve.
 */
class FullWeightStepTest {

    static final Duration HOLD = Duration.ofSeconds(30);

    static ResolvedPolicy endsAtFullWeight() {
        return AnalysisRolloutTest.judged(io.mlrollout.api.v1alpha1.InconclusiveAction.ROLLBACK, new Step.SetWeight(50),
                Step.Pause.of(HOLD), new Step.SetWeight(100), Step.Pause.of(HOLD));
    }

    static TestingCluster canaryAtFullWeight(boolean byReplicas) {
        TestingCluster cluster = RolloutEngineTest.stableAt("1.0.0", endsAtFullWeight(), 4, byReplicas)
                .analysis(Verdict.Pass).desire("2.0.0");
        for (int i = 0; i < 20 && cluster.effectiveWeight() < 100; i++) {
            cluster.advance(AnalysisRolloutTest.INTERVAL).settle();
        }
        assertThat(cluster.effectiveWeight()).isEqualTo(100);
        assertThat(cluster.status().getPhase()).isEqualTo(Phase.Progressing);
        return cluster;
    }

    @ParameterizedTest(name = "weights by replicas: {0}")
    @ValueSource(booleans = {true, false})
    void theStableVersionKeepsAllItsPodsAtFullWeight(boolean byReplicas) {
        TestingCluster cluster = canaryAtFullWeight(byReplicas);
        ModelRef stable = cluster.status().getStable();
        assertThat(cluster.last().topology().stable().replicas()).isEqualTo(4);
        assertThat(cluster.pods().get(stable).readyReplicas()).isEqualTo(4);
    }

    @ParameterizedTest(name = "weights by replicas: {0}")
    @ValueSource(booleans = {true, false})
    void aRollbackAtFullWeightMovesTrafficToAStableVersionThatIsReady(boolean byReplicas) {
        TestingCluster cluster = canaryAtFullWeight(byReplicas);
        ModelRef stable = cluster.status().getStable();
        Decision rolledBack = cluster.analysis(Verdict.Fail).advance(AnalysisRolloutTest.INTERVAL).settle();
        cluster.advance(AnalysisRolloutTest.INTERVAL).settle();
        assertThat(cluster.status().getPhase()).isEqualTo(Phase.RolledBack);
        assertThat(cluster.effectiveWeight()).isZero();
        assertThat(cluster.pods().get(stable).readyReplicas()).isEqualTo(4);
        assertThat(rolledBack.topology().stable().replicas()).isEqualTo(4);
    }

    @ParameterizedTest(name = "weights by replicas: {0}")
    @ValueSource(booleans = {true, false})
    void aGoodCanaryAtFullWeightIsPromoted(boolean byReplicas) {
        TestingCluster cluster = canaryAtFullWeight(byReplicas);
        for (int i = 0; i < 10 && cluster.status().getPhase() != Phase.Stable; i++) {
            cluster.advance(AnalysisRolloutTest.INTERVAL).settle();
        }
        assertThat(cluster.status().getPhase()).isEqualTo(Phase.Stable);
        assertThat(cluster.status().getStableVersion()).isEqualTo("2.0.0");
    }

    @ParameterizedTest(name = "weights by replicas: {0}")
    @ValueSource(booleans = {true, false})
    void theCanaryTakesEverythingOnlyOnceAllItsPodsAreReady(boolean byReplicas) {
        TestingCluster cluster = RolloutEngineTest.stableAt("1.0.0", endsAtFullWeight(), 4, byReplicas)
                .analysis(Verdict.Pass).desire("2.0.0").podsReadyAtMost("2.0.0", 2);
        for (int i = 0; i < 20; i++) {
            cluster.advance(AnalysisRolloutTest.INTERVAL).settle();
        }
        assertThat(cluster.last().topology().canary().replicas()).as("scaled for 100%").isEqualTo(4);
        assertThat(cluster.effectiveWeight()).as("2 of 4 canary pods Ready: not all traffic yet, the last step's share at most")
                .isBetween(1, 50);
        assertThat(cluster.status().getStableVersion()).isEqualTo("1.0.0");

        cluster.podsBecomeReady("2.0.0");
        for (int i = 0; i < 10 && cluster.effectiveWeight() < 100; i++) {
            cluster.advance(AnalysisRolloutTest.INTERVAL).settle();
        }
        assertThat(cluster.effectiveWeight()).isEqualTo(100);
    }
}
