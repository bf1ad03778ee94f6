package io.mlrollout.e2e.scenarios;

import static io.mlrollout.e2e.fixture.Manifests.sample;
import static io.mlrollout.e2e.fixture.Manifests.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlrollout.api.v1alpha1.Phase;
import io.mlrollout.api.v1alpha1.RolloutResult;
import io.mlrollout.e2e.fixture.RolloutFixture;
import io.mlrollout.e2e.fixture.SampleModel;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Scenario 4: a version that answers correctly but slowly is rolled back on latency, and a good one is not. */
public interface LatencyRollbackScenario {

    @Test
    default void slowVersionIsRolledBackOnLatency(RolloutFixture f) {
        f.given()
                .policy(scenario("policies/latency-canary.yaml"))
                .modelDeployment(sample("modeldeployment-iris.yaml"))
                .policyRef("latency-canary")
        .when()
                .apply()
                .waitForStable(SampleModel.IRIS_V1, Duration.ofSeconds(150))
                // Gentle traffic: at 50 ms of CPU a request the slow version must not drown two busy cores.
                .startTraffic(12)
                .waitForRequests(12)
                .rollOut(SampleModel.SLOW)
                .waitForPhase(Phase.RolledBack, Duration.ofSeconds(150))
                .stopTraffic()
        .then()
                .expectPhase(Phase.RolledBack)
                .expectStableVersion(SampleModel.IRIS_V1)
                .expectNoCanary()
                .expectCondition("Degraded", "True", "AnalysisFailed")
                .expectHistory(SampleModel.SLOW, RolloutResult.RolledBack, reason -> assertThat(reason).contains("latency-p95"))
                .expectRequestsServedBy(SampleModel.SLOW)
                // Slow is not broken, but on a loaded machine some of its requests can time out (5 s): only it may fail.
                .expectFailuresOnlyFrom(SampleModel.SLOW)
                .report("requests to the slow version that failed (timed out)", f.trafficRecord().failedServedBy(SampleModel.SLOW.version()));
    }

    /** The same policy never rolls a good version back on latency: the slow one fails for being slow, not by chance. */
    @Test
    default void goodVersionIsPromotedUnderTheSameLatencyLimit(RolloutFixture f) {
        Setups.stableWithTraffic(f, "latency-canary", 2, 12)
                .rollOut(SampleModel.IRIS_V2)
                .waitForStatus("2.0.0 promoted or rolled back", Duration.ofSeconds(150), s -> s.getPhase() == Phase.RolledBack
                        || (s.getPhase() == Phase.Stable && SampleModel.IRIS_V2.version().equals(s.getStableVersion())))
                .stopTraffic()
        .then()
                .expectPhase(Phase.Stable)
                .expectStableVersion(SampleModel.IRIS_V2)
                .expectHistory(SampleModel.IRIS_V2, RolloutResult.Promoted, reason -> { })
                .expectNoFailedRequests();
    }
}
