package io.mlrollout.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mlrollout.api.v1alpha1.AnalysisSpec;
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
import io.mlrollout.operator.resources.ModelServerDefaults;
import io.mlrollout.api.v1alpha1.VersionNames;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The real operator against the fabric8 mock API server, with the test playing the Deployment
 * controller and kubelet, and helpers that read and write the cluster as a user would.
 */
final class MockClusterFixture implements AutoCloseable {

    static final String NS = "ml";
    static final Duration WAIT = Duration.ofSeconds(30);

    private final KubernetesClient client;
    final TestingControllers controllers;
    private Operator operator;

    MockClusterFixture(KubernetesClient client) {
        this(client, true);
    }

    /** Without an operator of its own: the test starts the operators it needs. */
    MockClusterFixture(KubernetesClient client, boolean withOperator) {
        java.util.logging.Logger.getLogger("io.fabric8.mockwebserver").setLevel(java.util.logging.Level.WARNING);
        this.client = client;
        this.controllers = new TestingControllers(client, NS);
        this.operator = withOperator ? startOperator() : null;
    }

    void restartOperator() {
        operator.stop();
        operator = startOperator();
    }

    @Override
    public void close() {
        if (operator != null) {
            operator.stop();
        }
        controllers.close();
    }

    private Operator startOperator() {
        return startOperator(client, Optional.empty());
    }

    /** An operator process of its own, e.g. a second replica competing for leadership. */
    static Operator startOperator(KubernetesClient client, Optional<OperatorSettings.LeaderElection> election) {
        OperatorSettings settings = new OperatorSettings(new ModelServerDefaults("model-server:test", 8080,
                new io.fabric8.kubernetes.api.model.ResourceRequirements()), List.of(), Duration.ofSeconds(1), election);
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

    /** A policy that only walks its steps, without metric analysis. */
    void policy(String name, RolloutStep... steps) {
        AnalysisSpec analysis = new AnalysisSpec();
        analysis.setMetrics(List.of());
        policy(name, analysis, steps);
    }

    void policy(String name, AnalysisSpec analysis, RolloutStep... steps) {
        RolloutPolicy policy = new RolloutPolicy();
        policy.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NS).build());
        policy.setSpec(new RolloutPolicySpec());
        policy.getSpec().setSteps(List.of(steps));
        policy.getSpec().setAnalysis(analysis);
        client.resource(policy).create();
    }

    ModelDeployment modelDeployment(String name, String version, String policy, int replicas) {
        return modelDeployment(name, version, policy, replicas, md -> { });
    }

    ModelDeployment modelDeployment(String name, String version, String policy, int replicas, Consumer<ModelDeployment> extra) {
        ModelDeployment md = new ModelDeployment();
        md.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NS).build());
        md.setSpec(new ModelDeploymentSpec());
        md.getSpec().setModel(model(version));
        md.getSpec().setReplicas(replicas);
        md.getSpec().setRolloutPolicyRef(new PolicyReference(policy));
        extra.accept(md);
        return client.resource(md).create();
    }

    /** Edits like a user would: a 409 because the operator just wrote the status is retried. */
    void edit(String name, Consumer<ModelDeployment> change) {
        await().atMost(WAIT).ignoreExceptionsMatching(e -> e instanceof KubernetesClientException k
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

    Map<String, Integer> routeWeights() {
        var route = client.resources(io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute.class).inNamespace(NS).withName("iris").get();
        return route.getSpec().getRules().get(0).getBackendRefs().stream()
                .collect(Collectors.toMap(b -> b.getName(), b -> b.getWeight()));
    }

    Map<String, Integer> replicas() {
        return deployments().stream().collect(Collectors.toMap(d -> d.getMetadata().getName(), d -> d.getSpec().getReplicas()));
    }

    List<String> eventReasons() {
        return client.v1().events().inNamespace(NS).list().getItems().stream().map(e -> e.getReason()).toList();
    }

}
