package io.mlrollout.e2e.scenarios;

import static io.mlrollout.e2e.fixture.Manifests.sample;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlrollout.api.v1alpha1.Phase;
import io.mlrollout.api.v1alpha1.RolloutResult;
import io.mlrollout.e2e.fixture.RolloutFixture;
import io.mlrollout.e2e.fixture.SampleModel;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Scenario 1: the first version of a ModelDeployment (the user-facing sample) becomes Stable and takes all traffic. */
public interface FirstDeployScenario {

    @Test
    default void firstVersionBecomesStableAtFullTraffic(RolloutFixture f) {
        f.given()
                .policy(sample("rolloutpolicy-standard-canary.yaml"))
                .modelDeployment(sample("modeldeployment-iris.yaml"))
        .when()
                .apply()
                .waitForStable(SampleModel.IRIS_V1, Duration.ofSeconds(150))
                .startTraffic(20)
                .waitForRequests(60)
                .stopTraffic()
        .then()
                .expectPhase(Phase.Stable)
                .expectStableVersion(SampleModel.IRIS_V1)
                .expectNoCanary()
                .expectCondition("Ready", "True", null)
                .expectCondition("Degraded", "False", null)
                .expectHistory(SampleModel.IRIS_V1, RolloutResult.Promoted, reason -> { })
                .expectEvent("Available")
                .expectDeployments(1)
                .expectNoFailedRequests()
                .expect(fixture -> assertThat(fixture.trafficRecord().servedBy(SampleModel.IRIS_V1.version()))
                        .as("requests served by the only version").isEqualTo(fixture.trafficRecord().total()));
    }
}
