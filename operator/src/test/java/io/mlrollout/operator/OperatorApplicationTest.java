package io.mlrollout.operator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mlrollout.api.v1alpha1.ModelDeployment;
import io.mlrollout.api.v1alpha1.ModelDeploymentSpec;
import io.mlrollout.api.v1alpha1.ModelSpec;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The packaged application: the operator starts with Quarkus, reconciles, and exports its metrics. */
@QuarkusTest
@TestProfile(OperatorApplicationTest.OperatorEnabled.class)
@WithKubernetesTestServer(crud = true)
class OperatorApplicationTest {

    public static class OperatorEnabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mlrollout.operator.enabled", "true", "mlrollout.model-server.image", "model-server:test");
        }
    }

    @Inject
    KubernetesClient client;

    @Test
    void reconcilesAndExportsRolloutAndReconcileMetrics() {
        ModelDeployment md = new ModelDeployment();
        md.setMetadata(new ObjectMetaBuilder().withName("iris").withNamespace("default").build());
        md.setSpec(new ModelDeploymentSpec());
        ModelSpec model = new ModelSpec();
        model.setName("iris");
        model.setVersion("1.0.0");
        model.setUri("classpath:models/iris-v1/model.onnx");
        md.getSpec().setModel(model);
        client.resource(md).create();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(client.apps().deployments().inNamespace("default")
                .list().getItems()).singleElement().satisfies(d -> assertThat(d.getSpec().getTemplate().getSpec()
                        .getContainers().get(0).getImage()).isEqualTo("model-server:test")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertThat(metrics).contains("mlrollout_rollouts_started_total", "mlrollout_canary_weight{name=\"iris\",namespace=\"default\"}",
                    "operator_sdk_");
        });
        given().get("/q/health/ready").then().statusCode(200);
    }
}
