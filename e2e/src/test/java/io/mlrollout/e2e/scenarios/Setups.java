package io.mlrollout.e2e.scenarios;

import static io.mlrollout.e2e.fixture.Manifests.sample;
import static io.mlrollout.e2e.fixture.Manifests.scenario;

import io.mlrollout.e2e.fixture.RolloutFixture;
import io.mlrollout.e2e.fixture.SampleModel;
import io.mlrollout.e2e.fixture.When;
import java.time.Duration;

/** Starting points several scenarios share. */
final class Setups {

    private Setups() {
    }

    /**
     * The sample iris ModelDeployment with {@code replicas} pods under the scenario policy
     * {@code policies/<policy>.yaml}, Stable at 1.0.0 and serving live traffic.
     */
    static When stableWithTraffic(RolloutFixture f, String policy, int replicas, double requestsPerSecond) {
        return f.given()
                .policy(scenario("policies/" + policy + ".yaml"))
                .modelDeployment(sample("modeldeployment-iris.yaml"))
                .policyRef(policy)
                .replicas(replicas)
        .when()
                .apply()
                .waitForStable(SampleModel.IRIS_V1, Duration.ofSeconds(150))
                .startTraffic(requestsPerSecond)
                .waitForRequests((long) Math.ceil(requestsPerSecond));
    }
}
