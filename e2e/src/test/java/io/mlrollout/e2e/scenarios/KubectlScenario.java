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
 * Scenario 8: a person drives a rollout with kubectl alone: apply, get (printer columns), describe
 * (conditions and Events), annotate to promote, annotate to abort.
 */
public interface KubectlScenario {

    Duration WAIT = Duration.ofSeconds(150);

    @Test
    default void kubectlAppliesWatchesPromotesAndAborts(RolloutFixture f) {
        f.given()
                .policy(scenario("policies/manual-canary.yaml"))
                .modelDeployment(sample("modeldeployment-iris.yaml"))
                .policyRef("manual-canary")
                .replicas(1)
        .when()
                .kubectlApply()
                .waitForStable(SampleModel.IRIS_V1, WAIT)
                .kubectl("get", "mdep")
        .then()
                .expectKubectl(r -> assertThat(r.stdout()).containsPattern("NAME\\s+MODEL\\s+STABLE\\s+CANARY\\s+WEIGHT\\s+PHASE\\s+AGE")
                        .containsPattern("iris\\s+iris\\s+1\\.0\\.0\\s+0\\s+Stable"))
        .when()
                .kubectlApplyModel(SampleModel.IRIS_V2)
                .waitForPhase(Phase.Paused, WAIT)
                .kubectl("get", "mdep", "iris")
        .then()
                .expectKubectl(r -> assertThat(r.stdout()).containsPattern("iris\\s+iris\\s+1\\.0\\.0\\s+2\\.0\\.0\\s+50\\s+Paused"))
        .when()
                .kubectl("describe", "mdep", "iris")
        .then()
                .expectKubectl(r -> assertThat(r.stdout()).contains("Conditions:", "Progressing", "WaitingForPromote", "Events:",
                        "RolloutStarted", "WeightChanged", "Paused"))
        .when()
                .kubectl("annotate", "mdep", "iris", "mlrollout.io/promote=promote-1")
                .waitForStable(SampleModel.IRIS_V2, WAIT)
        .then()
                .expectHistory(SampleModel.IRIS_V2, RolloutResult.Promoted, reason -> { })
        .when()
                .kubectlApplyModel(SampleModel.IRIS_V1)
                .waitForPhase(Phase.Paused, WAIT)
                .kubectl("annotate", "mdep", "iris", "mlrollout.io/abort=abort-1")
                .waitForPhase(Phase.RolledBack, WAIT)
        .then()
                .expectStableVersion(SampleModel.IRIS_V2)
                .expectHistory(SampleModel.IRIS_V1, RolloutResult.Aborted, reason -> { })
        .when()
                .kubectl("get", "deployments,pods")
        .then()
                .expectKubectl(r -> assertThat(r.stdout()).containsPattern("READY\\s+UP-TO-DATE\\s+AVAILABLE")
                        .containsPattern("iris-2-0-0-\\w+\\s+1/1").contains("Running"));
    }

    /** What a real API server adds: server-side apply, {@code kubectl wait} on a condition, and {@code get -w}. */
    @Test
    default void kubectlServerSideApplyWaitsAndWatches(RolloutFixture f) {
        f.given()
                .policy(scenario("policies/fast-canary.yaml"))
                .modelDeployment(sample("modeldeployment-iris.yaml"))
                .policyRef("fast-canary")
                .replicas(1)
        .when()
                .kubectlApplyServerSide()
        .then()
                .expectKubectl(r -> assertThat(r.stdout()).contains("rolloutpolicy.mlrollout.io/fast-canary serverside-applied",
                        "modeldeployment.mlrollout.io/iris serverside-applied"))
        .when()
                .kubectl("wait", "--for=condition=Ready", "mdep/iris", "--timeout=120s")
        .then()
                .expectKubectl(r -> assertThat(r.stdout()).contains("modeldeployment.mlrollout.io/iris condition met"))
        .when()
                .startTraffic(20)
                .kubectlWatch("get", "mdep", "iris", "-w")
                .kubectlApplyModelServerSide(SampleModel.IRIS_V2)
                .waitForStable(SampleModel.IRIS_V2, WAIT)
                .waitFor("kubectl get -w to print the promotion", WAIT, () -> f.kubectlWatchOutput()
                        .matches("(?s).*iris\\s+iris\\s+2\\.0\\.0\\s+0\\s+Stable.*"))
                .stopKubectlWatch()
        .then()
                .expectKubectl(r -> assertThat(r.stdout())
                        .containsPattern("iris\\s+iris\\s+1\\.0\\.0\\s+0\\s+Stable")
                        .containsPattern("iris\\s+iris\\s+1\\.0\\.0\\s+2\\.0\\.0\\s+\\d+\\s+Progressing")
                        .containsPattern("iris\\s+iris\\s+2\\.0\\.0\\s+0\\s+Stable"));
    }
}
