package io.mlrollout.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mlrollout.api.v1alpha1.ModelDeployment;
import io.mlrollout.api.v1alpha1.ModelDeploymentSpec;
import io.mlrollout.api.v1alpha1.ModelDeploymentStatus;
import io.mlrollout.api.v1alpha1.ModelRef;
import io.mlrollout.api.v1alpha1.ModelSpec;
import io.mlrollout.api.v1alpha1.Phase;
import io.mlrollout.api.v1alpha1.PolicyReference;
import io.mlrollout.api.v1alpha1.RolloutPolicy;
import io.mlrollout.api.v1alpha1.RolloutPolicySpec;
import io.mlrollout.api.v1alpha1.RolloutStep;
import io.mlrollout.operator.OperatorFactory;
import io.mlrollout.operator.OperatorSettings;
import io.mlrollout.operator.resources.Labels;
import io.mlrollout.operator.resources.ModelServerDefaults;
import io.mlrollout.api.v1alpha1.VersionNames;
import io.mlrollout.operator.rollout.Reasons;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real reconciler against the fabric8 mock API server (CRUD mode). The test plays the
 * Deployment controller and kubelet, and asserts the end state of every object.
 */
@EnableKubernetesMockClient(crud = true)
class ModelDeploymentReconcilerIntegrationTest {

    KubernetesMockServer server;
    KubernetesClient client;

    private MockClusterFixture cluster;

    @BeforeEach
    void start() {
        cluster = new MockClusterFixture(client);
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void firstDeployThenAFullRolloutThenPromotion() {
        cluster.policy("canary", RolloutStep.weight(25), RolloutStep.pause("1s"), RolloutStep.weight(50), RolloutStep.pause("1s"));
        cluster.modelDeployment("iris", "1.0.0", "canary", 4);

        ModelDeploymentStatus stable = cluster.awaitPhase("iris", Phase.Stable);
        assertThat(stable.getStableVersion()).isEqualTo("1.0.0");
        assertThat(stable.getObservedGeneration()).isEqualTo(1L);
        assertThat(stable.getConditions()).anySatisfy(c -> {
            assertThat(c.getType()).isEqualTo(Reasons.READY);
            assertThat(c.getStatus()).isEqualTo("True");
        });
        Deployment v1 = cluster.deployment("iris", "1.0.0");
        assertThat(v1.getSpec().getReplicas()).isEqualTo(4);
        assertThat(v1.getMetadata().getLabels()).containsEntry(Labels.ROLE, Labels.ROLE_STABLE);
        assertThat(v1.getMetadata().getOwnerReferences()).singleElement().satisfies(o -> assertThat(o.getKind()).isEqualTo("ModelDeployment"));
        assertThat(cluster.routerSelector("iris")).containsEntry(Labels.VERSION, MockClusterFixture.slug("1.0.0"));

        cluster.edit("iris", md -> md.getSpec().setModel(MockClusterFixture.model("2.0.0")));
        await().atMost(MockClusterFixture.WAIT).untilAsserted(() -> {
            cluster.controllers.sync();
            assertThat(cluster.status("iris").getCanaryWeight()).as(cluster.describe("iris")).isEqualTo(25);
        });
        assertThat(cluster.routerSelector("iris")).doesNotContainKey(Labels.VERSION);
        assertThat(cluster.deployment("iris", "2.0.0").getSpec().getReplicas()).isEqualTo(1);
        assertThat(cluster.deployment("iris", "1.0.0").getSpec().getReplicas()).isEqualTo(3);

        String canaryTemplate = cluster.deployment("iris", "2.0.0").getMetadata().getAnnotations().get(Labels.SPEC_HASH_ANNOTATION);
        ModelDeploymentStatus promoted = cluster.awaitPhase("iris", Phase.Stable);
        assertThat(promoted.getStableVersion()).isEqualTo("2.0.0");
        assertThat(promoted.getCanaryVersion()).isNull();
        assertThat(promoted.getHistory()).extracting(h -> h.getVersion() + ":" + h.getResult()).startsWith("2.0.0:Promoted");
        await().atMost(MockClusterFixture.WAIT).untilAsserted(() -> assertThat(cluster.deployments()).extracting(d -> d.getMetadata().getName())
                .containsExactly(VersionNames.objectName("iris", ModelRef.of(MockClusterFixture.model("2.0.0")))));
        Deployment v2 = cluster.deployment("iris", "2.0.0");
        assertThat(v2.getMetadata().getLabels()).containsEntry(Labels.ROLE, Labels.ROLE_STABLE);
        assertThat(v2.getMetadata().getAnnotations()).as("promoted by relabelling, pods untouched")
                .containsEntry(Labels.SPEC_HASH_ANNOTATION, canaryTemplate);
        assertThat(v2.getSpec().getReplicas()).isEqualTo(4);
        assertThat(cluster.routerSelector("iris")).containsEntry(Labels.VERSION, MockClusterFixture.slug("2.0.0"));
        assertThat(client.services().inNamespace(MockClusterFixture.NS).list().getItems()).extracting(s -> s.getMetadata().getName())
                .containsExactlyInAnyOrder("iris", VersionNames.objectName("iris", ModelRef.of(MockClusterFixture.model("2.0.0"))));
        assertThat(cluster.eventReasons()).contains(Reasons.ROLLOUT_STARTED, Reasons.WEIGHT_CHANGED, Reasons.PROMOTED);
    }

    @Test
    void anAbortRollsBackAtOnceAndTheStableKeepsItsPods() {
        cluster.policy("manual", RolloutStep.weight(50), RolloutStep.pause(null));
        cluster.modelDeployment("iris", "1.0.0", "manual", 4);
        cluster.awaitPhase("iris", Phase.Stable);
        cluster.edit("iris", md -> md.getSpec().setModel(MockClusterFixture.model("2.0.0")));
        cluster.awaitPhase("iris", Phase.Paused);
        assertThat(cluster.deployment("iris", "1.0.0").getSpec().getReplicas()).isEqualTo(2);

        cluster.edit("iris", md -> md.getMetadata().setAnnotations(Map.of(Labels.ABORT_ANNOTATION, "now")));
        ModelDeploymentStatus rolledBack = cluster.awaitPhase("iris", Phase.RolledBack);
        assertThat(rolledBack.getCanaryWeight()).isZero();
        assertThat(rolledBack.getHandledRequests().getAbort()).isEqualTo("now");
        // Written before the cluster changes (intent first): the objects follow a moment later.
        await().atMost(MockClusterFixture.WAIT).untilAsserted(() -> {
            assertThat(cluster.routerSelector("iris")).containsEntry(Labels.VERSION, MockClusterFixture.slug("1.0.0"));
            assertThat(cluster.deployment("iris", "2.0.0").getSpec().getReplicas()).isZero();
            assertThat(cluster.deployment("iris", "1.0.0").getSpec().getReplicas()).isEqualTo(4);
        });
        assertThat(rolledBack.getConditions()).anySatisfy(c -> assertThat(c.getType() + "/" + c.getStatus() + "/" + c.getReason())
                .isEqualTo("Degraded/True/Aborted"));
        ModelDeployment md = client.resources(ModelDeployment.class).inNamespace(MockClusterFixture.NS).withName("iris").get();
        assertThat(md.getSpec().getModel().getVersion()).as("the spec is never edited").isEqualTo("2.0.0");

        cluster.edit("iris", m -> m.getMetadata().setAnnotations(Map.of(Labels.ABORT_ANNOTATION, "now", Labels.RETRY_ANNOTATION, "1")));
        cluster.awaitPhase("iris", Phase.Paused);
    }

    @Test
    void aMissingPolicyIsAnInvalidSpecThatHealsWhenThePolicyAppears() {
        cluster.modelDeployment("iris", "1.0.0", "not-there-yet", 1);
        await().atMost(MockClusterFixture.WAIT).untilAsserted(() -> assertThat(cluster.status("iris").getConditions()).anySatisfy(c -> {
            assertThat(c.getType() + "/" + c.getStatus() + "/" + c.getReason()).isEqualTo("Degraded/True/InvalidSpec");
            assertThat(c.getMessage()).contains("spec.rolloutPolicyRef.name: RolloutPolicy 'not-there-yet' not found in namespace 'ml'");
        }));
        assertThat(cluster.deployments()).isEmpty();
        assertThat(cluster.eventReasons()).contains(Reasons.INVALID_SPEC);

        cluster.policy("not-there-yet", RolloutStep.weight(50));
        ModelDeploymentStatus healed = cluster.awaitPhase("iris", Phase.Stable);
        assertThat(healed.getConditions()).anySatisfy(c -> assertThat(c.getType() + "/" + c.getStatus()).isEqualTo("Degraded/False"));
    }

    @Test
    void anUnknownRouterIsReportedNotCrashedOn() {
        cluster.policy("p", RolloutStep.weight(50));
        ModelDeployment md = cluster.modelDeployment("iris", "1.0.0", "p", 1);
        cluster.awaitPhase("iris", Phase.Stable);
        cluster.edit("iris", m -> {
            m.getSpec().setTraffic(new io.mlrollout.api.v1alpha1.TrafficSpec());
            m.getSpec().getTraffic().setRouter("istio");
            m.getSpec().setModel(MockClusterFixture.model("2.0.0"));
        });
        await().atMost(MockClusterFixture.WAIT).untilAsserted(() -> assertThat(cluster.status("iris").getMessage())
                .contains("spec.traffic.router: unknown router 'istio'; use one of service, gateway-api"));
        assertThat(cluster.status("iris").getPhase()).isEqualTo(Phase.Stable);
        assertThat(cluster.deployment("iris", "2.0.0")).as("nothing is rolled out from an invalid spec").isNull();
        assertThat(cluster.deployment("iris", "1.0.0").getSpec().getReplicas()).isEqualTo(1);
        assertThat(md.getMetadata().getName()).isEqualTo("iris");
    }

    @Test
    void anOperatorRestartedMidRolloutResumesAtTheSameStepAndWeight() {
        cluster.policy("manual", RolloutStep.weight(50), RolloutStep.pause(null), RolloutStep.weight(75));
        cluster.modelDeployment("iris", "1.0.0", "manual", 4);
        cluster.awaitPhase("iris", Phase.Stable);
        cluster.edit("iris", md -> md.getSpec().setModel(MockClusterFixture.model("2.0.0")));
        ModelDeploymentStatus before = cluster.awaitPhase("iris", Phase.Paused);
        Map<String, Integer> replicasBefore = cluster.replicas();
        Map<String, String> selectorBefore = cluster.routerSelector("iris");

        cluster.restartOperator();
        await().during(Duration.ofSeconds(2)).atMost(MockClusterFixture.WAIT).untilAsserted(() -> {
            cluster.controllers.sync();
            ModelDeploymentStatus now = cluster.status("iris");
            assertThat(now.getPhase()).isEqualTo(Phase.Paused);
            assertThat(now.getCurrentStep()).isEqualTo(before.getCurrentStep());
            assertThat(now.getCanaryWeight()).isEqualTo(before.getCanaryWeight());
            assertThat(cluster.replicas()).isEqualTo(replicasBefore);
            assertThat(cluster.routerSelector("iris")).isEqualTo(selectorBefore);
        });

        cluster.edit("iris", md -> md.getMetadata().setAnnotations(Map.of(Labels.PROMOTE_ANNOTATION, "yes")));
        assertThat(cluster.awaitPhase("iris", Phase.Stable).getStableVersion()).isEqualTo("2.0.0");
    }

    @Test
    void theGatewayApiRouterSetsExactWeightsOnAnHttpRoute() {
        cluster.policy("manual", RolloutStep.weight(10), RolloutStep.pause(null), RolloutStep.weight(60), RolloutStep.pause(null));
        ModelDeployment md = new ModelDeployment();
        md.setMetadata(new ObjectMetaBuilder().withName("iris").withNamespace(MockClusterFixture.NS).build());
        md.setSpec(new ModelDeploymentSpec());
        md.getSpec().setModel(MockClusterFixture.model("1.0.0"));
        md.getSpec().setReplicas(3);
        md.getSpec().setRolloutPolicyRef(new PolicyReference("manual"));
        md.getSpec().setTraffic(new io.mlrollout.api.v1alpha1.TrafficSpec());
        md.getSpec().getTraffic().setRouter("gateway-api");
        io.mlrollout.api.v1alpha1.GatewayParentRef parent = new io.mlrollout.api.v1alpha1.GatewayParentRef();
        parent.setName("ml-gateway");
        md.getSpec().getTraffic().setParentRefs(List.of(parent));
        client.resource(md).create();
        cluster.awaitPhase("iris", Phase.Stable);
        assertThat(cluster.routeWeights()).containsExactly(Map.entry(VersionNames.objectName("iris", ModelRef.of(MockClusterFixture.model("1.0.0"))), 100));

        cluster.edit("iris", m -> m.getSpec().setModel(MockClusterFixture.model("2.0.0")));
        ModelDeploymentStatus paused = cluster.awaitPhase("iris", Phase.Paused);
        assertThat(paused.getCanaryWeight()).isEqualTo(10);
        assertThat(cluster.routeWeights()).containsOnly(Map.entry(VersionNames.objectName("iris", ModelRef.of(MockClusterFixture.model("1.0.0"))), 90),
                Map.entry(VersionNames.objectName("iris", ModelRef.of(MockClusterFixture.model("2.0.0"))), 10));
        assertThat(cluster.deployment("iris", "1.0.0").getSpec().getReplicas()).as("weighted routes keep the stable at full size").isEqualTo(3);
        assertThat(cluster.deployment("iris", "2.0.0").getSpec().getReplicas()).isEqualTo(1);
        var route = client.resources(io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute.class).inNamespace(MockClusterFixture.NS).withName("iris").get();
        assertThat(route.getSpec().getParentRefs()).singleElement().satisfies(p -> assertThat(p.getName()).isEqualTo("ml-gateway"));

        cluster.edit("iris", m -> m.getMetadata().setAnnotations(Map.of(Labels.ABORT_ANNOTATION, "1")));
        cluster.awaitPhase("iris", Phase.RolledBack);
        // Written before the cluster changes (intent first): the route follows a moment later.
        await().atMost(MockClusterFixture.WAIT).untilAsserted(() -> assertThat(cluster.routeWeights())
                .containsEntry(VersionNames.objectName("iris", ModelRef.of(MockClusterFixture.model("1.0.0"))), 100)
                .containsEntry(VersionNames.objectName("iris", ModelRef.of(MockClusterFixture.model("2.0.0"))), 0));
    }


    @Test
    void aWriteTheApiServerRefusesIsReportedAsReconcileErrorAndRecoversWhenAccepted() {
        server.expect().post().withPath("/apis/apps/v1/namespaces/" + MockClusterFixture.NS + "/deployments")
                .andReturn(403, new io.fabric8.kubernetes.api.model.StatusBuilder().withCode(403).withReason("Forbidden")
                        .withMessage("deployments.apps is forbidden: admission webhook denied the request").build())
                .times(6);
        cluster.policy("canary", RolloutStep.weight(50), RolloutStep.pause("1s"));
        cluster.modelDeployment("iris", "1.0.0", "canary", 2);

        await().atMost(MockClusterFixture.WAIT).untilAsserted(() -> assertThat(cluster.status("iris")).isNotNull()
                .satisfies(status -> assertThat(status.getConditions()).anySatisfy(c -> {
                    assertThat(c.getType() + "/" + c.getStatus() + "/" + c.getReason()).isEqualTo("Degraded/True/ReconcileError");
                    assertThat(c.getMessage()).contains("HTTP 403", "admission webhook denied the request");
                })));
        assertThat(cluster.eventReasons()).contains(Reasons.RECONCILE_ERROR);

        ModelDeploymentStatus recovered = cluster.awaitPhase("iris", Phase.Stable);
        assertThat(recovered.getConditions()).anySatisfy(c -> assertThat(c.getType() + "/" + c.getStatus())
                .isEqualTo("Degraded/False"));
        assertThat(cluster.eventReasons()).filteredOn(Reasons.RECONCILE_ERROR::equals).as("one Event per distinct error").hasSize(1);
    }

    @Test
    void aPersistingErrorIsRetriedWithBackOffNotInAHotLoop() throws InterruptedException {
        server.expect().post().withPath("/apis/apps/v1/namespaces/" + MockClusterFixture.NS + "/deployments")
                .andReturn(403, new io.fabric8.kubernetes.api.model.StatusBuilder().withCode(403).withReason("Forbidden")
                        .withMessage("deployments.apps is forbidden: RBAC denies create").build())
                .always();
        cluster.policy("canary", RolloutStep.weight(50), RolloutStep.pause("1s"));
        cluster.modelDeployment("iris", "1.0.0", "canary", 2);
        await().atMost(MockClusterFixture.WAIT).untilAsserted(() -> assertThat(cluster.status("iris").getConditions())
                .anySatisfy(c -> assertThat(c.getReason()).isEqualTo("ReconcileError")));
        int writesBefore = statusWrites();

        java.util.concurrent.atomic.AtomicInteger writes = new java.util.concurrent.atomic.AtomicInteger();
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(() -> writes.addAndGet(statusWrites()) <= 2);
        assertThat(writesBefore).as("status writes until the error was reported").isLessThan(10);
        assertThat(cluster.status("iris").getMessage()).as("status.message keeps what the rollout does")
                .doesNotContain("Reconcile failed");
    }

    /** Status writes of iris recorded by the mock server since the last call. */
    private int statusWrites() throws InterruptedException {
        int count = 0;
        for (var request = server.takeRequest(1, java.util.concurrent.TimeUnit.MILLISECONDS); request != null;
             request = server.takeRequest(1, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            if (!"GET".equals(request.getMethod()) && request.getPath().contains("/modeldeployments/iris/status")) {
                count++;
            }
        }
        return count;
    }
}
