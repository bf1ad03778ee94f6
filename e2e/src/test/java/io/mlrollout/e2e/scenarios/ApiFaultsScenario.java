package io.mlrollout.e2e.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlrollout.api.v1alpha1.Phase;
import io.mlrollout.api.v1alpha1.RolloutResult;
import io.mlrollout.e2e.cluster.ControlPlaneCluster;
import io.mlrollout.e2e.cluster.controlplane.ApiFaultProxy;
import io.mlrollout.e2e.fixture.RolloutFixture;
import io.mlrollout.e2e.fixture.SampleModel;
import io.mlrollout.e2e.fixture.Then;
import io.mlrollout.e2e.observe.RolloutState;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Scenario 12: the API server misbehaves under the operator (through the proxy between them), in
 * the middle of a rollout with live traffic. Writes that fail for a while, and crashes right after
 * a write was committed but before the operator heard of it, cost no request and never roll the
 * good version back; the rollout ends promoted.
 */
public interface ApiFaultsScenario {

    Duration WAIT = Duration.ofSeconds(150);
    /** Each crash costs a container restart and an operator start, a few seconds each. */
    Duration CRASH_LOOP_WAIT = Duration.ofMinutes(6);

    @Test
    default void writesThatFailForAWhileCostNoRequest(RolloutFixture f) {
        ApiFaultProxy faults = ((ControlPlaneCluster) f.cluster()).apiFaults();
        startRolloutWithTraffic(f);
        // Every write the operator makes for this ModelDeployment; leader election is left alone.
        long before500 = faults.injectedFailures();
        faults.failWrites(ofScenario(f), Duration.ofSeconds(8), 500);
        f.when().waitFor("the operator to try writes and get 500s", WAIT, () -> faults.injectedFailures() > before500);
        f.when().waitFor("the 500s to end", WAIT, () -> !faults.failing());
        long internalErrors = faults.injectedFailures() - before500;
        // Conflicts, as when another writer changed the object between the operator's read and its write.
        faults.failWrites(ofScenario(f), Duration.ofSeconds(8), 409);
        f.when().waitFor("the operator to try writes and get 409s, or the rollout to end", WAIT,
                () -> faults.injectedFailures() > before500 + internalErrors || f.status().getPhase() == Phase.Stable);
        long conflicts = faults.injectedFailures() - before500 - internalErrors;
        promotedWithoutHarm(f)
                .report("writes answered 500 by the API proxy", internalErrors)
                .report("writes answered 409 by the API proxy", conflicts);
    }

    /**
     * Every write the operator gets committed for this ModelDeployment is followed by a SIGKILL
     * before the operator hears the answer, from the start of a rollout to its promotion, then
     * through a second rollout to its abort: each restarted process makes one write and dies. Both
     * still end where they should, and no request fails. The policy has no metrics: an analysis
     * needs two looks by one process (a baseline, then a reading), which no process here lives to
     * make, so a judged canary would rightly hold its step until the crashes stop.
     */
    @Test
    default void aCrashAfterEveryWriteOfAPromotionAndAnAbortCostsNoRequest(RolloutFixture f) {
        ControlPlaneCluster cluster = (ControlPlaneCluster) f.cluster();
        ApiFaultProxy faults = cluster.apiFaults();
        Setups.stableWithTraffic(f, "unjudged-canary", 2, 20);
        faults.crashAfterEveryWrite(ofScenario(f), cluster::crashOperator);
        f.when().rollOut(SampleModel.IRIS_V2).waitForStable(SampleModel.IRIS_V2, CRASH_LOOP_WAIT);
        long promotionCrashes = faults.crashes();

        f.when()
                .rollOut(SampleModel.IRIS_V1)
                .waitForStatus("the canary with traffic", CRASH_LOOP_WAIT, s -> s.getCanaryWeight() != null && s.getCanaryWeight() > 0)
                .annotate("mlrollout.io/abort", "e2e")
                .waitForPhase(Phase.RolledBack, CRASH_LOOP_WAIT)
                .waitFor("the aborted canary scaled to 0", CRASH_LOOP_WAIT, () -> f.status().getCanaryWeight() == 0
                        && replicas(f, SampleModel.IRIS_V1) == 0);
        faults.noCrash();
        long abortCrashes = faults.crashes() - promotionCrashes;
        f.when()
                .waitForRequests(f.trafficRecord().total() + 20)
                .stopTraffic()
        .then()
                .expectStableVersion(SampleModel.IRIS_V2)
                .expectHistory(SampleModel.IRIS_V2, RolloutResult.Promoted, reason -> { })
                .expectHistory(SampleModel.IRIS_V1, RolloutResult.Aborted, reason -> { })
                .expect(g -> assertThat(g.timeline().states().stream()
                        .takeWhile(state -> !SampleModel.IRIS_V2.version().equals(state.stableVersion())).toList())
                        .as("no rollback before 2.0.0 was promoted").noneMatch(state -> Phase.RolledBack.name().equals(state.phase())))
                .report("kill points (a crash after each committed write) in the rollout to promotion", promotionCrashes)
                .report("kill points in the rollout to its abort", abortCrashes)
                .expectNoFailedRequests();
        assertThat(promotionCrashes).as("crashes during the promotion").isGreaterThanOrEqualTo(5);
        assertThat(abortCrashes).as("crashes during the abort").isGreaterThanOrEqualTo(2);
    }

    /** The replicas the operator asks of a version (0 when it has no Deployment). */
    private static int replicas(RolloutFixture f, SampleModel model) {
        return f.client().apps().deployments().inNamespace(f.namespace()).list().getItems().stream()
                .filter(d -> model.version().equals(d.getMetadata().getAnnotations().get("mlrollout.io/model-version")))
                .map(d -> d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas())
                .findFirst().orElse(0);
    }

    private static void startRolloutWithTraffic(RolloutFixture f) {
        Setups.stableWithTraffic(f, "steady-canary", 2, 20)
                .rollOut(SampleModel.IRIS_V2)
                .waitForStatus("the first step with traffic on the canary", WAIT, s -> s.getPhase() == Phase.Progressing
                        && s.getCanaryWeight() != null && s.getCanaryWeight() > 0);
    }

    /** The rollout ends with 2.0.0 promoted, never rolled back on the way, and no request failed. */
    private static Then promotedWithoutHarm(RolloutFixture f) {
        return f.when()
                .waitForStable(SampleModel.IRIS_V2, WAIT)
                .stopTraffic()
        .then()
                .expectStableVersion(SampleModel.IRIS_V2)
                .expectHistory(SampleModel.IRIS_V2, RolloutResult.Promoted, reason -> { })
                .expect(ApiFaultsScenario::neverRolledBack)
                .expectNoFailedRequests();
    }

    /** The operator's writes for the scenario's objects (status, Deployments, Services), not its Events. */
    private static Predicate<ApiFaultProxy.Write> ofScenario(RolloutFixture f) {
        return write -> write.path().contains("/namespaces/" + f.namespace() + "/") && !write.path().contains("/events");
    }

    private static void neverRolledBack(RolloutFixture f) {
        assertThat(f.timeline().states()).as("phases of the rollout").extracting(RolloutState::phase)
                .doesNotContain(Phase.RolledBack.name());
    }
}
