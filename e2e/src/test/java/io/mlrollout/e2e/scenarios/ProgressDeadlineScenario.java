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

/**
 * Scenario 5: canaries whose pods never turn Ready (a corrupt model file, a sha256 pin that does not
 * match) are rolled back at the progress deadline, with a reason that names the cause.
 */
public interface ProgressDeadlineScenario {

    @Test
    default void corruptModelIsRolledBackAtTheDeadline(RolloutFixture f) {
        rolledBackAtTheDeadline(f, SampleModel.CORRUPT, SampleModel.CORRUPT.sha256(), "not a loadable ONNX model");
    }

    @Test
    default void sha256MismatchIsRolledBackAtTheDeadline(RolloutFixture f) {
        // iris-v2's file under iris-v1's digest: the server refuses to load it.
        rolledBackAtTheDeadline(f, SampleModel.IRIS_V2, SampleModel.IRIS_V1.sha256(), "sha256 mismatch");
    }

    private static void rolledBackAtTheDeadline(RolloutFixture f, SampleModel canary, String sha256, String cause) {
        f.given()
                .policy(scenario("policies/deadline-canary.yaml"))
                .modelDeployment(sample("modeldeployment-iris.yaml"))
                .policyRef("deadline-canary")
                .replicas(1)
        .when()
                .apply()
                .waitForStable(SampleModel.IRIS_V1, Duration.ofSeconds(150))
                .startTraffic(10)
                .waitForRequests(10)
                .rollOut(canary, sha256)
                .waitForPhase(Phase.RolledBack, Duration.ofSeconds(120))
                .stopTraffic()
        .then()
                .expectPhase(Phase.RolledBack)
                .expectStableVersion(SampleModel.IRIS_V1)
                .expectCondition("Degraded", "True", "ProgressDeadlineExceeded")
                .expectMessageContaining(cause)
                .expectHistory(canary, RolloutResult.RolledBack, reason -> assertThat(reason).containsIgnoringCase(cause))
                .expectEvent("RolledBack")
                // The canary never got traffic: nobody noticed anything.
                .expectNoFailedRequests();
    }
}
