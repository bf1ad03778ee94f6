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
import io.mlrollout.operator.resources.VersionNames;
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

    static final String NS = "ml";
    static final Duration WAIT = Duration.ofSeconds(30);

    KubernetesMockServer server;
    KubernetesClient client;

    private Operator operator;
    private TestingControllers controllers;

    @org.junit.jupiter.api.BeforeAll
    static void quietMockServer() {
        java.util.logging.Logger.getLogger("io.fabric8.mockwebserver").setLevel(java.util.logging.Level.WARNING);
    }

    @BeforeEach
    void start() {
        controllers = new TestingControllers(client, NS);
        operator = startOperator();
    }

    @AfterEach
    void stop() {
        operator.stop();
    }

    private Operator startOperator() {
        OperatorSettings settings = new OperatorSettings(new ModelServerDefaults("model-server:test", 8080,
                new io.fabric8.kubernetes.api.model.ResourceRequirements()), List.of(), Duration.ofSeconds(1), Optional.empty());
        Operator started = OperatorFactory.create(client, settings, Clock.systemUTC(), new SimpleMeterRegistry());
        started.start();
        return started;
    }

    static ModelSpec model(String version) {
        ModelSpec model = new ModelSpec();
        model.setName("iris");
        model.setVersion(version);
        model.setUri("classpath:models/iris-" + version + "/model.onnx");
        return model;
    }

    void policy(String name, RolloutStep... steps) {
        RolloutPolicy policy = new RolloutPolicy();
        policy.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NS).build());
        policy.setSpec(new RolloutPolicySpec());
        policy.getSpec().setSteps(List.of(steps));
        policy.getSpec().setAnalysis(new io.mlrollout.api.v1alpha1.AnalysisSpec());
        policy.getSpec().getAnalysis().setMetrics(List.of());
        client.resource(policy).create();
    }

    ModelDeployment modelDeployment(String name, String version, String policy, int replicas) {
        ModelDeployment md = new ModelDeployment();
        md.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NS).build());
        md.setSpec(new ModelDeploymentSpec());
        md.getSpec().setModel(model(version));
        md.getSpec().setReplicas(replicas);
        md.getSpec().setRolloutPolicyRef(new PolicyReference(policy));
        return client.resource(md).create();
    }

    /** Edits like a user would: a 409 because the operator just wrote the status is retried. */
    void edit(String name, Consumer<ModelDeployment> change) {
        await().atMost(WAIT).ignoreExceptionsMatching(e -> e instanceof io.fabric8.kubernetes.client.KubernetesClientException k
                && k.getCode() == 409).until(() -> {
                    client.resources(ModelDeployment.class).inNamespace(NS).withName(name).edit(md -> {
                        change.accept(md);
                        return md;
                    });
                    return true;
                });
    }

    ModelDeploymentStatus status(String name) {
        ModelDeployment md = client.resources(ModelDeployment.class).inNamespace(NS).withName(name).get();
        return md.getStatus() == null ? new ModelDeploymentStatus() : md.getStatus();
    }

    ModelDeploymentStatus awaitPhase(String name, Phase phase) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            controllers.sync();
            assertThat(status(name).getPhase()).as("phase of %s (status: %s)", name, describe(name)).isEqualTo(phase);
        });
        return status(name);
    }

    String describe(String name) {
        ModelDeploymentStatus s = status(name);
        return s.getPhase() + " " + s.getMessage() + " weight=" + s.getCanaryWeight() + " step=" + s.getCurrentStep()
                + " deployments=" + deployments().stream().map(d -> d.getMetadata().getName() + ":" + d.getSpec().getReplicas()).toList();
    }

    List<Deployment> deployments() {
        return client.apps().deployments().inNamespace(NS).list().getItems();
    }

    Deployment deployment(String md, String version) {
        return client.apps().deployments().inNamespace(NS).withName(VersionNames.objectName(md, ModelRef.of(model(version)))).get();
    }

    Map<String, String> routerSelector(String md) {
        return client.services().inNamespace(NS).withName(md).get().getSpec().getSelector();
    }

    static String slug(String version) {
        return VersionNames.slug(ModelRef.of(model(version)));
    }

    @Test
    void firstDeployThenAFullRolloutThenPromotion() {
        policy("canary", RolloutStep.weight(25), RolloutStep.pause("1s"), RolloutStep.weight(50), RolloutStep.pause("1s"));
        modelDeployment("iris", "1.0.0", "canary", 4);

        ModelDeploymentStatus stable = awaitPhase("iris", Phase.Stable);
        assertThat(stable.getStableVersion()).isEqualTo("1.0.0");
        assertThat(stable.getObservedGeneration()).isEqualTo(1L);
        assertThat(stable.getConditions()).anySatisfy(c -> {
            assertThat(c.getType()).isEqualTo(Reasons.READY);
            assertThat(c.getStatus()).isEqualTo("True");
        });
        Deployment v1 = deployment("iris", "1.0.0");
        assertThat(v1.getSpec().getReplicas()).isEqualTo(4);
        assertThat(v1.getMetadata().getLabels()).containsEntry(Labels.ROLE, Labels.ROLE_STABLE);
        assertThat(v1.getMetadata().getOwnerReferences()).singleElement().satisfies(o -> assertThat(o.getKind()).isEqualTo("ModelDeployment"));
        assertThat(routerSelector("iris")).containsEntry(Labels.VERSION, slug("1.0.0"));

        edit("iris", md -> md.getSpec().setModel(model("2.0.0")));
        await().atMost(WAIT).untilAsserted(() -> {
            controllers.sync();
            assertThat(status("iris").getCanaryWeight()).as(describe("iris")).isEqualTo(25);
        });
        assertThat(routerSelector("iris")).doesNotContainKey(Labels.VERSION);
        assertThat(deployment("iris", "2.0.0").getSpec().getReplicas()).isEqualTo(1);
        assertThat(deployment("iris", "1.0.0").getSpec().getReplicas()).isEqualTo(3);

        String canaryTemplate = deployment("iris", "2.0.0").getMetadata().getAnnotations().get(Labels.SPEC_HASH_ANNOTATION);
        ModelDeploymentStatus promoted = awaitPhase("iris", Phase.Stable);
        assertThat(promoted.getStableVersion()).isEqualTo("2.0.0");
        assertThat(promoted.getCanaryVersion()).isNull();
        assertThat(promoted.getHistory()).extracting(h -> h.getVersion() + ":" + h.getResult()).startsWith("2.0.0:Promoted");
        await().atMost(WAIT).untilAsserted(() -> assertThat(deployments()).extracting(d -> d.getMetadata().getName())
                .containsExactly(VersionNames.objectName("iris", ModelRef.of(model("2.0.0")))));
        Deployment v2 = deployment("iris", "2.0.0");
        assertThat(v2.getMetadata().getLabels()).containsEntry(Labels.ROLE, Labels.ROLE_STABLE);
        assertThat(v2.getMetadata().getAnnotations()).as("promoted by relabelling, pods untouched")
                .containsEntry(Labels.SPEC_HASH_ANNOTATION, canaryTemplate);
        assertThat(v2.getSpec().getReplicas()).isEqualTo(4);
        assertThat(routerSelector("iris")).containsEntry(Labels.VERSION, slug("2.0.0"));
        assertThat(client.services().inNamespace(NS).list().getItems()).extracting(s -> s.getMetadata().getName())
                .containsExactlyInAnyOrder("iris", VersionNames.objectName("iris", ModelRef.of(model("2.0.0"))));
        assertThat(eventReasons()).contains(Reasons.ROLLOUT_STARTED, Reasons.WEIGHT_CHANGED, Reasons.PROMOTED);
    }

    @Test
    void anAbortRollsBackAtOnceAndTheStableKeepsItsPods() {
        policy("manual", RolloutStep.weight(50), RolloutStep.pause(null));
        modelDeployment("iris", "1.0.0", "manual", 4);
        awaitPhase("iris", Phase.Stable);
        edit("iris", md -> md.getSpec().setModel(model("2.0.0")));
        awaitPhase("iris", Phase.Paused);
        assertThat(deployment("iris", "1.0.0").getSpec().getReplicas()).isEqualTo(2);

        edit("iris", md -> md.getMetadata().setAnnotations(Map.of(Labels.ABORT_ANNOTATION, "now")));
        ModelDeploymentStatus rolledBack = awaitPhase("iris", Phase.RolledBack);
        assertThat(rolledBack.getCanaryWeight()).isZero();
        assertThat(rolledBack.getHandledRequests().getAbort()).isEqualTo("now");
        assertThat(routerSelector("iris")).containsEntry(Labels.VERSION, slug("1.0.0"));
        assertThat(deployment("iris", "2.0.0").getSpec().getReplicas()).isZero();
        assertThat(deployment("iris", "1.0.0").getSpec().getReplicas()).isEqualTo(4);
        assertThat(rolledBack.getConditions()).anySatisfy(c -> assertThat(c.getType() + "/" + c.getStatus() + "/" + c.getReason())
                .isEqualTo("Degraded/True/Aborted"));
        ModelDeployment md = client.resources(ModelDeployment.class).inNamespace(NS).withName("iris").get();
        assertThat(md.getSpec().getModel().getVersion()).as("the spec is never edited").isEqualTo("2.0.0");

        edit("iris", m -> m.getMetadata().setAnnotations(Map.of(Labels.ABORT_ANNOTATION, "now", Labels.RETRY_ANNOTATION, "1")));
        awaitPhase("iris", Phase.Paused);
    }

    @Test
    void aMissingPolicyIsAnInvalidSpecThatHealsWhenThePolicyAppears() {
        modelDeployment("iris", "1.0.0", "not-there-yet", 1);
        await().atMost(WAIT).untilAsserted(() -> assertThat(status("iris").getConditions()).anySatisfy(c -> {
            assertThat(c.getType() + "/" + c.getStatus() + "/" + c.getReason()).isEqualTo("Degraded/True/InvalidSpec");
            assertThat(c.getMessage()).contains("spec.rolloutPolicyRef.name: RolloutPolicy 'not-there-yet' not found in namespace 'ml'");
        }));
        assertThat(deployments()).isEmpty();
        assertThat(eventReasons()).contains(Reasons.INVALID_SPEC);

        policy("not-there-yet", RolloutStep.weight(50));
        ModelDeploymentStatus healed = awaitPhase("iris", Phase.Stable);
        assertThat(healed.getConditions()).anySatisfy(c -> assertThat(c.getType() + "/" + c.getStatus()).isEqualTo("Degraded/False"));
    }

    @Test
    void anUnknownRouterIsReportedNotCrashedOn() {
        policy("p", RolloutStep.weight(50));
        ModelDeployment md = modelDeployment("iris", "1.0.0", "p", 1);
        awaitPhase("iris", Phase.Stable);
        edit("iris", m -> {
            m.getSpec().setTraffic(new io.mlrollout.api.v1alpha1.TrafficSpec());
            m.getSpec().getTraffic().setRouter("istio");
            m.getSpec().setModel(model("2.0.0"));
        });
        await().atMost(WAIT).untilAsserted(() -> assertThat(status("iris").getMessage())
                .contains("spec.traffic.router: unknown router 'istio'; use one of service, gateway-api"));
        assertThat(status("iris").getPhase()).isEqualTo(Phase.Stable);
        assertThat(deployment("iris", "2.0.0")).as("nothing is rolled out from an invalid spec").isNull();
        assertThat(deployment("iris", "1.0.0").getSpec().getReplicas()).isEqualTo(1);
        assertThat(md.getMetadata().getName()).isEqualTo("iris");
    }

    @Test
    void anOperatorRestartedMidRolloutResumesAtTheSameStepAndWeight() {
        policy("manual", RolloutStep.weight(50), RolloutStep.pause(null), RolloutStep.weight(75));
        modelDeployment("iris", "1.0.0", "manual", 4);
        awaitPhase("iris", Phase.Stable);
        edit("iris", md -> md.getSpec().setModel(model("2.0.0")));
        ModelDeploymentStatus before = awaitPhase("iris", Phase.Paused);
        Map<String, Integer> replicasBefore = replicas();
        Map<String, String> selectorBefore = routerSelector("iris");

        operator.stop();
        operator = startOperator();
        await().during(Duration.ofSeconds(2)).atMost(WAIT).untilAsserted(() -> {
            controllers.sync();
            ModelDeploymentStatus now = status("iris");
            assertThat(now.getPhase()).isEqualTo(Phase.Paused);
            assertThat(now.getCurrentStep()).isEqualTo(before.getCurrentStep());
            assertThat(now.getCanaryWeight()).isEqualTo(before.getCanaryWeight());
            assertThat(replicas()).isEqualTo(replicasBefore);
            assertThat(routerSelector("iris")).isEqualTo(selectorBefore);
        });

        edit("iris", md -> md.getMetadata().setAnnotations(Map.of(Labels.PROMOTE_ANNOTATION, "yes")));
        assertThat(awaitPhase("iris", Phase.Stable).getStableVersion()).isEqualTo("2.0.0");
    }

    @Test
    void theGatewayApiRouterSetsExactWeightsOnAnHttpRoute() {
        policy("manual", RolloutStep.weight(10), RolloutStep.pause(null), RolloutStep.weight(60), RolloutStep.pause(null));
        ModelDeployment md = new ModelDeployment();
        md.setMetadata(new ObjectMetaBuilder().withName("iris").withNamespace(NS).build());
        md.setSpec(new ModelDeploymentSpec());
        md.getSpec().setModel(model("1.0.0"));
        md.getSpec().setReplicas(3);
        md.getSpec().setRolloutPolicyRef(new PolicyReference("manual"));
        md.getSpec().setTraffic(new io.mlrollout.api.v1alpha1.TrafficSpec());
        md.getSpec().getTraffic().setRouter("gateway-api");
        io.mlrollout.api.v1alpha1.GatewayParentRef parent = new io.mlrollout.api.v1alpha1.GatewayParentRef();
        parent.setName("ml-gateway");
        md.getSpec().getTraffic().setParentRefs(List.of(parent));
        client.resource(md).create();
        awaitPhase("iris", Phase.Stable);
        assertThat(routeWeights()).containsExactly(Map.entry(VersionNames.objectName("iris", ModelRef.of(model("1.0.0"))), 100));

        edit("iris", m -> m.getSpec().setModel(model("2.0.0")));
        ModelDeploymentStatus paused = awaitPhase("iris", Phase.Paused);
        assertThat(paused.getCanaryWeight()).isEqualTo(10);
        assertThat(routeWeights()).containsOnly(Map.entry(VersionNames.objectName("iris", ModelRef.of(model("1.0.0"))), 90),
                Map.entry(VersionNames.objectName("iris", ModelRef.of(model("2.0.0"))), 10));
        assertThat(deployment("iris", "1.0.0").getSpec().getReplicas()).as("weighted routes keep the stable at full size").isEqualTo(3);
        assertThat(deployment("iris", "2.0.0").getSpec().getReplicas()).isEqualTo(1);
        var route = client.resources(io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute.class).inNamespace(NS).withName("iris").get();
        assertThat(route.getSpec().getParentRefs()).singleElement().satisfies(p -> assertThat(p.getName()).isEqualTo("ml-gateway"));

        edit("iris", m -> m.getMetadata().setAnnotations(Map.of(Labels.ABORT_ANNOTATION, "1")));
        awaitPhase("iris", Phase.RolledBack);
        assertThat(routeWeights()).containsEntry(VersionNames.objectName("iris", ModelRef.of(model("1.0.0"))), 100)
                .containsEntry(VersionNames.objectName("iris", ModelRef.of(model("2.0.0"))), 0);
    }

    private Map<String, Integer> routeWeights() {
        var route = client.resources(io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute.class).inNamespace(NS).withName("iris").get();
        return route.getSpec().getRules().get(0).getBackendRefs().stream()
                .collect(Collectors.toMap(b -> b.getName(), b -> b.getWeight()));
    }

    private Map<String, Integer> replicas() {
        return deployments().stream().collect(Collectors.toMap(d -> d.getMetadata().getName(), d -> d.getSpec().getReplicas()));
    }

    private List<String> eventReasons() {
        return client.v1().events().inNamespace(NS).list().getItems().stream().map(e -> e.getReason()).toList();
    }

}
