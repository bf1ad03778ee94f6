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

/** Scenario 4: a version that answers correctly but slowly is rolled back on p99 latency. */
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
                .startTraffic(25)
                .waitForRequests(25)
                .rollOut(SampleModel.SLOW)
                .waitForPhase(Phase.RolledBack, Duration.ofSeconds(150))
                .stopTraffic()
        .then()
                .expectPhase(Phase.RolledBack)
                .expectStableVersion(SampleModel.IRIS_V1)
                .expectNoCanary()
                .expectCondition("Degraded", "True", "AnalysisFailed")
                .expectHistory(SampleModel.SLOW, RolloutResult.RolledBack, reason -> assertThat(reason).contains("latency-p99"))
                .expectRequestsServedBy(SampleModel.SLOW)
                // Slow is not broken: every request still got its answer.
                .expectNoFailedRequests();
    }
}
