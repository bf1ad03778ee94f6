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
    int CRASHES = 3;

    @Test
    default void writesThatFailForAWhileCostNoRequest(RolloutFixture f) {
        ApiFaultProxy faults = ((ControlPlaneCluster) f.cluster()).apiFaults();
        startRolloutWithTraffic(f);
        long failedBefore = faults.injectedFailures();
        // Every write the operator makes for this ModelDeployment; leader election is left alone.
        faults.failWrites(ofScenario(f), Duration.ofSeconds(12), 500);
        f.when().waitFor("the operator to try writes and get 500s", WAIT, () -> faults.injectedFailures() > failedBefore);
        promotedWithoutHarm(f).report("writes answered 500 by the API proxy", faults.injectedFailures() - failedBefore);
    }

    @Test
    default void crashesRightAfterACommittedWriteCostNoRequest(RolloutFixture f) {
        ControlPlaneCluster cluster = (ControlPlaneCluster) f.cluster();
        ApiFaultProxy faults = cluster.apiFaults();
        startRolloutWithTraffic(f);
        int crashes = 0;
        // Crash after the 1st, then the 2nd, then the 3rd write of each new operator process, while the rollout runs.
        for (int n = 1; n <= CRASHES && f.status().getPhase() != Phase.Stable; n++) {
            faults.crashAfterWrite(n, ofScenario(f), cluster::crashOperator);
            f.when().waitFor("the operator to make its write and be crashed, or the rollout to end", WAIT,
                    () -> !faults.crashPending() || f.status().getPhase() == Phase.Stable);
            crashes += faults.crashPending() ? 0 : 1;
        }
        faults.noCrash();
        promotedWithoutHarm(f).report("operator crashes right after a committed write", crashes);
        assertThat(crashes).as("crashes during the rollout").isGreaterThanOrEqualTo(2);
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
