package io.mlrollout.e2e.scenarios;

import static io.mlrollout.e2e.fixture.Manifests.sample;
import static io.mlrollout.e2e.fixture.Manifests.scenario;

import io.mlrollout.api.v1alpha1.Phase;
import io.mlrollout.e2e.fixture.RbacChange;
import io.mlrollout.e2e.fixture.RolloutFixture;
import io.mlrollout.e2e.fixture.SampleModel;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Scenario 11: the operator runs with exactly the shipped ClusterRole, so every rollout of the
 * suite proves it is enough. Without one verb (create on Deployments) the API server's Forbidden
 * is in the ModelDeployment's status; with the verb back, the same object becomes Stable.
 */
public interface RbacScenario {

    @Test
    default void aMissingVerbIsReportedAsForbiddenUntilItIsGranted(RolloutFixture f) {
        try (RbacChange change = RbacChange.withoutVerb(f.client(), "mlrollout-operator", "apps", "deployments", "create")) {
            f.given()
                    .policy(scenario("policies/fast-canary.yaml"))
                    .modelDeployment(sample("modeldeployment-iris.yaml"))
                    .policyRef("fast-canary")
            .when()
                    .apply()
                    .waitForStatus("Degraded with reason ReconcileError", Duration.ofSeconds(60), s -> s.getConditions().stream()
                            .anyMatch(c -> "Degraded".equals(c.getType()) && "True".equals(c.getStatus())
                                    && "ReconcileError".equals(c.getReason())))
            .then()
                    .expectCondition("Degraded", "True", "ReconcileError")
                    .expectConditionMessageContaining("Degraded", "forbidden")
                    .expectConditionMessageContaining("Degraded", "cannot create resource \"deployments\"")
                    .expectDeployments(0);
        }
        f.when()
                .waitForStable(SampleModel.IRIS_V1, Duration.ofSeconds(150))
        .then()
                .expectPhase(Phase.Stable)
                .expectCondition("Degraded", "False", null)
                .expectDeployments(1);
    }
}
