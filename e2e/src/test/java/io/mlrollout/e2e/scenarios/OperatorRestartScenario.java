package io.mlrollout.e2e.scenarios;

import static io.mlrollout.e2e.fixture.Manifests.sample;
import static io.mlrollout.e2e.fixture.Manifests.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlrollout.api.v1alpha1.ModelDeploymentStatus;
import io.mlrollout.api.v1alpha1.Phase;
import io.mlrollout.api.v1alpha1.RolloutResult;
import io.mlrollout.e2e.fixture.RolloutFixture;
import io.mlrollout.e2e.fixture.SampleModel;
import io.mlrollout.e2e.observe.RolloutState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scenario 6: the operator is killed (SIGKILL) while it holds a canary step and started again: the
 * rollout resumes at the same step and weight, from what the status says, and no request fails.
 */
public interface OperatorRestartScenario {

    @Test
    default void rolloutResumesAtTheSameStepAfterTheOperatorIsKilled(RolloutFixture f) {
        f.given()
                .policy(scenario("policies/steady-canary.yaml"))
                .modelDeployment(sample("modeldeployment-iris.yaml"))
                .policyRef("steady-canary")
        .when()
                .apply()
                .waitForStable(SampleModel.IRIS_V1, Duration.ofSeconds(150))
                .startTraffic(20)
                .waitForRequests(20)
                .rollOut(SampleModel.IRIS_V2)
                .waitForStatus("holding the first step with traffic on the canary", Duration.ofSeconds(120),
                        s -> s.getPhase() == Phase.Progressing && Integer.valueOf(1).equals(s.getCurrentStep())
                                && s.getCanaryWeight() != null && s.getCanaryWeight() > 0)
                .killOperator();
        ModelDeploymentStatus atKill = f.status();
        Instant killedAt = Instant.now();
        f.when()
                .startOperator()
                .waitForStable(SampleModel.IRIS_V2, Duration.ofSeconds(150))
                .stopTraffic()
        .then()
                .expectStableVersion(SampleModel.IRIS_V2)
                .expectHistory(SampleModel.IRIS_V2, RolloutResult.Promoted, reason -> { })
                .expect(fixture -> resumedWhereItStopped(fixture, atKill, killedAt))
                .expectNoFailedRequests();
    }

    /** After the kill the step never went back, and the weight held until the next step. */
    private static void resumedWhereItStopped(RolloutFixture f, ModelDeploymentStatus atKill, Instant killedAt) {
        List<RolloutState> after = f.timeline().states().stream()
                .filter(s -> s.seenAt().isAfter(killedAt) && SampleModel.IRIS_V2.version().equals(s.canaryVersion())).toList();
        assertThat(after).as("states of the rollout after the restart").isNotEmpty();
        assertThat(after).as("steps after the restart (killed at step %s)", atKill.getCurrentStep())
                .allMatch(s -> s.currentStep() != null && s.currentStep() >= atKill.getCurrentStep());
        // The hold (15s) outlasts the restart, so analyses at the same step show the operator picked it up there.
        assertThat(after).as("states at step %s after the restart (killed at %s%%)", atKill.getCurrentStep(), atKill.getCanaryWeight())
                .filteredOn(s -> s.currentStep().equals(atKill.getCurrentStep())).isNotEmpty()
                .allMatch(s -> s.canaryWeight() == atKill.getCanaryWeight());
        assertThat(after).as("phases after the restart").extracting(RolloutState::phase)
                .doesNotContain(Phase.Validating.name(), Phase.Initializing.name(), Phase.RolledBack.name());
    }
}
