package io.mlrollout.operator.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlrollout.api.v1alpha1.ModelDeploymentStatus;
import io.mlrollout.api.v1alpha1.Phase;
import io.mlrollout.api.v1alpha1.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order of the reconcile cycle's side effects, and what a crash at each of them leaves. */
class ReconcileCycleTest {

    /** Ports that only record what was asked of them, in order. */
    static final class RecordingPorts implements ReconcileCycle.Cluster, ReconcileCycle.Analysis, ReconcileCycle.Statuses,
            ReconcileCycle.Events {

        final List<String> calls = new ArrayList<>();
        final AnalysisOutcome outcome;

        RecordingPorts(AnalysisOutcome outcome) {
            this.outcome = outcome;
        }

        ReconcileCycle.Ports ports() {
            return new ReconcileCycle.Ports(this, this, this, this);
        }

        @Override
        public void apply(Topology topology) {
            calls.add("apply weight " + topology.canaryWeight());
        }

        @Override
        public int effectiveWeight(ModelDeploymentStatus decided, Observation observation) {
            calls.add("effectiveWeight");
            return 0;
        }

        @Override
        public AnalysisOutcome run(ModelDeploymentStatus status) {
            calls.add("analyse");
            return outcome;
        }

        @Override
        public void commit() {
            calls.add("commit");
        }

        @Override
        public void startWindow(ModelDeploymentStatus status) {
            calls.add("startWindow");
        }

        @Override
        public void writeIntent(ModelDeploymentStatus status) {
            calls.add("intent " + status.getPhase());
        }

        @Override
        public void writeApplied(ModelDeploymentStatus status) {
            calls.add("applied " + status.getPhase() + " weight " + status.getCanaryWeight());
        }

        @Override
        public void record(RolloutEvent event, ModelDeploymentStatus decided) {
            calls.add("event " + event.reason());
        }
    }

    @Test
    void aRollbackIsWrittenAndAnnouncedBeforeTheClusterChangesAndTheAnalysisIsConsumedOnlyOnceRecorded() {
        TestingCluster cluster = AnalysisRolloutTest.canaryAt20(AnalysisRolloutTest.POLICY, Verdict.Fail);
        cluster.advance(AnalysisRolloutTest.INTERVAL).settle();
        cluster.advance(AnalysisRolloutTest.INTERVAL);
        RecordingPorts recording = new RecordingPorts(failed(cluster));
        RolloutInput input = new RolloutInput(TestingCluster.model("2.0.0"), 10, true, AnalysisRolloutTest.POLICY, cluster.status(),
                Observation.of(cluster.pods(), cluster.effectiveWeight()), Requests.NONE, 3, cluster.now());

        ReconcileCycle.Result result = ReconcileCycle.run(input, recording.ports());

        assertThat(result.applied().getPhase()).isEqualTo(Phase.RolledBack);
        assertThat(recording.calls).containsExactly("analyse", "intent RolledBack", "commit", "event " + Reasons.ANALYSIS_FAILED,
                "event " + Reasons.ROLLED_BACK, "apply weight 0", "effectiveWeight", "applied RolledBack weight 0");
    }

    @Test
    void nothingIsAnalysedWhenNoRunIsDueAndAWindowStartsWithTheStep() {
        TestingCluster cluster = RolloutEngineTest.stableAt("1.0.0", AnalysisRolloutTest.POLICY, 10, true)
                .analysis(Verdict.Pass).desire("2.0.0");
        cluster.settle();
        assertThat(cluster.analysisRuns()).isZero();
        // The test clock stands still while the cluster settles, so each reconcile of the step re-takes the same baseline.
        assertThat(cluster.analysisWindows()).as("the 20% step starts a window").isPositive();
    }

    @Test
    void aCrashAtAnyPointOfARollbackConvergesToTheRollback() {
        for (TestingCluster.CrashPoint point : TestingCluster.CrashPoint.values()) {
            TestingCluster cluster = AnalysisRolloutTest.canaryAt20(AnalysisRolloutTest.POLICY, Verdict.Fail);
            cluster.advance(AnalysisRolloutTest.INTERVAL).settle();
            cluster.advance(AnalysisRolloutTest.INTERVAL).crash(point);
            assertThat(cluster.status().getPhase()).as("written before the crash at %s", point).isEqualTo(Phase.RolledBack);
            cluster.analysis(Verdict.Pass).settle();
            assertThat(cluster.status().getPhase()).as("after the crash at %s", point).isEqualTo(Phase.RolledBack);
            assertThat(cluster.effectiveWeight()).as("after the crash at %s", point).isZero();
            assertThat(cluster.last().topology().stable().replicas()).isEqualTo(10);
        }
    }

    @Test
    void aRolloutStillEndsWhenTheOperatorDiesAfterEachOfItsWrites() {
        // Each process makes one change and dies: a decision that rewrote the status every time
        // (a fresh timestamp, say) would never reach the cluster.
        ResolvedPolicy unjudged = new ResolvedPolicy(List.of(new Step.SetWeight(25), Step.Pause.of(java.time.Duration.ofSeconds(4)),
                new Step.SetWeight(50), Step.Pause.of(java.time.Duration.ofSeconds(4))), AnalysisRolloutTest.INTERVAL, 2, 50, 3,
                io.mlrollout.api.v1alpha1.InconclusiveAction.ROLLBACK, java.time.Duration.ofMinutes(2), List.of());
        for (boolean byReplicas : new boolean[] {true, false}) {
            TestingCluster cluster = RolloutEngineTest.stableAt("1.0.0", unjudged, 2, byReplicas).desire("2.0.0");
            int crashes = 0;
            for (; crashes < 200 && !"2.0.0".equals(cluster.status().getStableVersion()); crashes++) {
                cluster.advance(java.time.Duration.ofSeconds(1)).crash(TestingCluster.CrashPoint.AFTER_FIRST_CHANGE);
            }
            assertThat(cluster.status().getStableVersion()).as("promoted despite %d crashes (by replicas: %s)", crashes, byReplicas)
                    .isEqualTo("2.0.0");
            assertThat(cluster.status().getPhase()).isEqualTo(Phase.Stable);
        }
    }

    private static AnalysisOutcome failed(TestingCluster cluster) {
        io.mlrollout.api.v1alpha1.AnalysisStatus details = new io.mlrollout.api.v1alpha1.AnalysisStatus();
        details.setTime(cluster.now().toString());
        details.setVerdict(Verdict.Fail);
        return new AnalysisOutcome(Verdict.Fail, details);
    }
}
