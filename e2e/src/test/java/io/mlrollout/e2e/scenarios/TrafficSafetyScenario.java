package io.mlrollout.e2e.scenarios;

import static io.mlrollout.e2e.fixture.Manifests.sample;
import static io.mlrollout.e2e.fixture.Manifests.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.mlrollout.api.v1alpha1.Phase;
import io.mlrollout.api.v1alpha1.RolloutResult;
import io.mlrollout.e2e.fixture.RolloutFixture;
import io.mlrollout.e2e.fixture.SampleModel;
import io.mlrollout.e2e.observe.RolloutState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scenario 10: the paths where a rollout tool could itself cause an outage. A healthy canary never
 * costs a request, whatever the policy, the person or the spec does mid-rollout.
 */
public interface TrafficSafetyScenario {

    @Test
    default void aPolicyEndingAtFullWeightWithARelativeLimitPromotesWithoutFailedRequests(RolloutFixture f) {
        Setups.stableWithTraffic(f, "full-weight-canary", 2, 20)
                .rollOut(SampleModel.IRIS_V2)
                .waitForStatus("2.0.0 promoted or rolled back", Duration.ofSeconds(150), s -> s.getPhase() == Phase.RolledBack
                        || (s.getPhase() == Phase.Stable && SampleModel.IRIS_V2.version().equals(s.getStableVersion())))
                .stopTraffic()
        .then()
                .expectStableVersion(SampleModel.IRIS_V2)
                .expectHistory(SampleModel.IRIS_V2, RolloutResult.Promoted, reason -> { })
                .expect(TrafficSafetyScenario::heldFullWeight)
                .report("requests during the rollout", f.trafficRecord().total())
                .expectNoFailedRequests();
    }

    @Test
    default void anAbortAtAHighWeightWithSeveralReplicasFailsNoRequest(RolloutFixture f) {
        Setups.stableWithTraffic(f, "high-manual-canary", 4, 20)
                .rollOut(SampleModel.IRIS_V2)
                .waitForPhase(Phase.Paused, Duration.ofSeconds(90))
                .waitForRequests(f.trafficRecord().total() + 40)
                .annotate("mlrollout.io/abort", "e2e")
                .waitForPhase(Phase.RolledBack, Duration.ofSeconds(30))
                .waitFor("the stable version back at 4 Ready pods", Duration.ofSeconds(60), () -> readyPods(f, SampleModel.IRIS_V1) == 4)
                .waitForRequests(f.trafficRecord().total() + 40)
                .stopTraffic()
        .then()
                .expectCondition("Degraded", "True", "Aborted")
                .expectRequestsServedBy(SampleModel.IRIS_V2)
                .report("requests during the rollout and the abort", f.trafficRecord().total())
                .expectNoFailedRequests();
    }

    @Test
    default void stepsRemovedMidRolloutRestartTheWalkInsteadOfPromoting(RolloutFixture f) {
        Setups.stableWithTraffic(f, "long-holds-canary", 2, 20)
                .rollOut(SampleModel.IRIS_V2)
                .waitForStatus("holding 50%", Duration.ofSeconds(150), s -> s.getCurrentStep() != null && s.getCurrentStep() == 3)
                .applyPolicy(scenario("policies/long-holds-canary-shortened.yaml"))
                .waitForStatus("the edit seen", Duration.ofSeconds(30), s -> "20% 1m".equals(s.getPolicySteps()))
                .waitForRequests(f.trafficRecord().total() + 60)
                .stopTraffic()
        .then()
                .expectPhase(Phase.Progressing)
                .expectStableVersion(SampleModel.IRIS_V1)
                .expectEvent("PolicyChanged")
                .expect(g -> assertThat(g.timeline().states()).as("never promoted after the edit")
                        .noneMatch(s -> Phase.Promoting.name().equals(s.phase())))
                .expectNoFailedRequests();
    }

    @Test
    default void aPolicyDeletedMidRolloutHoldsTheCanaryDegradedUntilItReturns(RolloutFixture f) {
        Setups.stableWithTraffic(f, "long-holds-canary", 2, 20)
                .rollOut(SampleModel.IRIS_V2)
                .waitForStatus("holding 20%", Duration.ofSeconds(150), s -> s.getCurrentStep() != null && s.getCurrentStep() == 1)
                .deletePolicy("long-holds-canary")
                .waitForStatus("Degraded: policy unavailable", Duration.ofSeconds(30), s -> s.getPolicyUnavailableSince() != null)
        .then()
                .expectCondition("Degraded", "True", "PolicyUnavailable")
                .expectMessageContaining("not found")
        .when()
                .applyPolicy(scenario("policies/long-holds-canary.yaml"))
                .waitForStatus("the policy back", Duration.ofSeconds(30), s -> s.getPolicyUnavailableSince() == null)
                .stopTraffic()
        .then()
                .expectCondition("Degraded", "False", "AsExpected")
                .expectPhase(Phase.Progressing)
                .expectNoFailedRequests();
    }

    @Test
    default void aServingChangeRollsThePodsWithoutARollout(RolloutFixture f) {
        Setups.stableWithTraffic(f, "fast-canary", 2, 10)
                .mergePatch("{\"spec\":{\"serving\":{\"resources\":{\"limits\":{\"memory\":\"768Mi\"}}}}}")
                .waitFor("every pod running the new template", Duration.ofSeconds(120), () -> podsRunNewTemplate(f))
                .waitForRequests(f.trafficRecord().total() + 20)
                .stopTraffic()
        .then()
                .expectPhase(Phase.Stable)
                .expectStableVersion(SampleModel.IRIS_V1)
                .expect(g -> assertThat(g.status().getHistory()).as("the first version only: no rollout").hasSize(1))
                .expect(g -> assertThat(g.timeline().states()).as("never a canary").allMatch(s -> s.canaryVersion() == null))
                .expectNoFailedRequests();
    }

    @Test
    default void aNameThatCannotMakeAServiceIsReportedAtOnce(RolloutFixture f) {
        f.given()
                .modelDeployment(sample("modeldeployment-iris.yaml"))
                .named("iris.v1")
        .when()
                .apply()
                .waitForStatus("InvalidSpec", Duration.ofSeconds(60), s -> s.getConditions().stream()
                        .anyMatch(c -> "Degraded".equals(c.getType()) && "InvalidSpec".equals(c.getReason())))
        .then()
                .expectMessageContaining("metadata.name: 'iris.v1' cannot name the Service")
                .expectEvent("InvalidSpec")
                .expectDeployments(0);
    }

    private static void heldFullWeight(RolloutFixture f) {
        List<RolloutState> atFull = f.timeline().states().stream()
                .filter(s -> SampleModel.IRIS_V2.version().equals(s.canaryVersion()) && s.canaryWeight() == 100).toList();
        assertThat(atFull).as("the canary held 100% before promotion").isNotEmpty();
    }

    private static int readyPods(RolloutFixture f, SampleModel model) {
        return f.client().apps().deployments().inNamespace(f.namespace()).list().getItems().stream()
                .filter(d -> model.version().equals(d.getMetadata().getAnnotations().get("mlrollout.io/model-version")))
                .map(d -> d.getStatus() == null || d.getStatus().getReadyReplicas() == null ? 0 : d.getStatus().getReadyReplicas())
                .findFirst().orElse(0);
    }

    private static List<Pod> pods(RolloutFixture f) {
        return f.client().pods().inNamespace(f.namespace()).list().getItems();
    }

    /** Every pod carries the Deployment's current template (its pod-template-hash) and is Ready, and no old pod is left. */
    private static boolean podsRunNewTemplate(RolloutFixture f) {
        List<Deployment> deployments = f.client().apps().deployments().inNamespace(f.namespace()).list().getItems();
        if (deployments.size() != 1) {
            return false;
        }
        Deployment d = deployments.get(0);
        var limits = d.getSpec().getTemplate().getSpec().getContainers().get(0).getResources().getLimits();
        boolean templateChanged = limits != null && new Quantity("768Mi").equals(limits.get("memory"));
        List<Pod> pods = pods(f);
        return templateChanged && pods.size() == d.getSpec().getReplicas()
                && d.getStatus() != null && d.getStatus().getUpdatedReplicas() != null
                && d.getStatus().getUpdatedReplicas().equals(d.getSpec().getReplicas())
                && d.getStatus().getReadyReplicas() != null && d.getStatus().getReadyReplicas().equals(d.getSpec().getReplicas());
    }
}
