package io.mlrollout.e2e.scenarios;

import static io.mlrollout.e2e.fixture.Manifests.sample;
import static io.mlrollout.e2e.fixture.Manifests.scenario;

import io.mlrollout.api.v1alpha1.Phase;
import io.mlrollout.e2e.fixture.RolloutFixture;
import io.mlrollout.e2e.fixture.SampleModel;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Scenario 7: a ModelDeployment naming a policy that does not exist yet is Degraded/InvalidSpec, and recovers once it exists. */
public interface MissingPolicyScenario {

    @Test
    default void missingPolicyIsInvalidSpecUntilItIsApplied(RolloutFixture f) {
        f.given()
                .modelDeployment(sample("modeldeployment-iris.yaml"))
                .policyRef("fast-canary")
        .when()
                .apply()
                .waitForStatus("Degraded with reason InvalidSpec", Duration.ofSeconds(60), s -> s.getConditions().stream()
                        .anyMatch(c -> "Degraded".equals(c.getType()) && "True".equals(c.getStatus()) && "InvalidSpec".equals(c.getReason())))
        .then()
                .expectCondition("Degraded", "True", "InvalidSpec")
                .expectMessageContaining("RolloutPolicy 'fast-canary' not found")
                .expectEvent("InvalidSpec")
                .expectDeployments(0)
        .when()
                .applyPolicy(scenario("policies/fast-canary.yaml"))
                .waitForStable(SampleModel.IRIS_V1, Duration.ofSeconds(150))
        .then()
                .expectPhase(Phase.Stable)
                .expectCondition("Degraded", "False", null)
                .expectCondition("Ready", "True", null)
                .expectDeployments(1);
    }
}
