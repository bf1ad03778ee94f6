package io.mlrollout.operator.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.mlrollout.api.v1alpha1.BatchingSpec;
import io.mlrollout.api.v1alpha1.ModelDeploymentSpec;
import io.mlrollout.api.v1alpha1.ServingSpec;
import io.mlrollout.api.v1alpha1.TlsSpec;
import io.mlrollout.api.v1alpha1.RouterType;
import io.mlrollout.api.v1alpha1.TrafficSpec;
import org.junit.jupiter.api.Test;

class SpecValidatorTest {

    static ModelDeploymentSpec spec() {
        ModelDeploymentSpec spec = new ModelDeploymentSpec();
        spec.setModel(TestingCluster.model("1.0.0"));
        return spec;
    }

    @Test
    void aCompleteSpecHasNoProblemsAndDefaultsToTheServiceRouter() {
        assertThat(SpecValidator.problems(spec())).isEmpty();
        assertThat(SpecValidator.routerOf(spec())).isEqualTo(RouterType.SERVICE);
        assertThat(SpecValidator.replicasOf(spec())).isEqualTo(1);
    }

    @Test
    void eachProblemNamesItsField() {
        ModelDeploymentSpec spec = spec();
        spec.getModel().setUri(null);
        spec.getModel().setEngine("TensorRT");
        spec.setReplicas(0);
        spec.setTraffic(new TrafficSpec());
        spec.getTraffic().setRouter("istio");
        assertThat(SpecValidator.problems(spec)).containsExactly(
                "spec.model.uri: required",
                "spec.model.engine: unknown engine 'TensorRT'; use one of OnnxRuntime",
                "spec.replicas: must be 1..100, was 0",
                "spec.traffic.router: unknown router 'istio'; use one of service, gateway-api");
        assertThat(SpecValidator.problems(new ModelDeploymentSpec())).singleElement().asString().startsWith("spec.model: required");
    }

    @Test
    void servingOptionsAreCheckedFieldByField() {
        ModelDeploymentSpec spec = spec();
        spec.setServing(new ServingSpec());
        spec.getServing().setBatching(new BatchingSpec());
        spec.getServing().getBatching().setMaxBatchSize(0);
        spec.getServing().getBatching().setMaxDelay("2s");
        spec.getServing().setAuthToken(new SecretKeySelector(null, "auth", null));
        spec.getServing().setTls(new TlsSpec());
        assertThat(SpecValidator.problems(spec)).containsExactly(
                "spec.serving.batching.maxBatchSize: must be 1..1024, was 0",
                "spec.serving.batching.maxDelay: at most 1s, was 2s",
                "spec.serving.authToken.key: required",
                "spec.serving.tls.secretName: required");

        spec.getServing().getBatching().setMaxBatchSize(32);
        spec.getServing().getBatching().setMaxDelay("soon");
        spec.getServing().setAuthToken(null);
        spec.getServing().setTls(null);
        assertThat(SpecValidator.problems(spec)).singleElement().asString().startsWith("spec.serving.batching.maxDelay: 'soon' is not a duration");

        spec.getServing().getBatching().setMaxDelay("1s");
        assertThat(SpecValidator.problems(spec)).isEmpty();
    }

    @Test
    void theGatewayRouterNeedsAParent() {
        ModelDeploymentSpec spec = spec();
        spec.setTraffic(new TrafficSpec());
        spec.getTraffic().setRouter("gateway-api");
        assertThat(SpecValidator.problems(spec)).containsExactly(
                "spec.traffic.parentRefs: router gateway-api needs the Gateway(s) the HTTPRoute attaches to");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"iris", "fraud-scorer-2", "a", "x123456789012345678901234567890123456789012345678901234567890ab"})
    void namesThatMakeValidServicesAndLabelsPass(String name) {
        assertThat(SpecValidator.nameProblems(name)).isEmpty();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"iris.v1", "2fast", "iris-", "Iris", "x123456789012345678901234567890123456789012345678901234567890abc"})
    void namesThatCannotMakeAServiceOrALabelAreReportedBeforeAnythingIsCreated(String name) {
        assertThat(SpecValidator.nameProblems(name)).singleElement().asString()
                .startsWith("metadata.name: '" + name + "' cannot name the Service and labels")
                .contains("at most 63 lowercase letters");
    }
}
