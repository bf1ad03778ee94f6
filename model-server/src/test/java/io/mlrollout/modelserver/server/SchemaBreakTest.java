package io.mlrollout.modelserver.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;

import io.mlrollout.modelserver.support.InferBodies;
import io.mlrollout.modelserver.support.MetricsScrape;
import io.mlrollout.modelserver.support.SampleModels;
import io.mlrollout.modelserver.support.ServerState;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The schema-breaking sample: existing 4-feature clients get 400s, counted as client errors. */
@QuarkusTest
@TestProfile(SchemaBreakTest.ServesTheFiveFeatureModel.class)
class SchemaBreakTest {

    public static class ServesTheFiveFeatureModel implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("model.uri", SampleModels.IRIS_SCHEMA_BREAK, "model.version", "v3");
        }
    }

    @Test
    void fourFeatureRequestsAreClientErrors() {
        ServerState.awaitReady();
        given().get("/v2/models/iris").then().statusCode(200).body("inputs[0].shape", contains(-1, 5));
        Map<String, String> clientErrors = Map.of("model", "iris", "version", "v3", "outcome", "client_error");
        double before = MetricsScrape.now().value("model_inference_requests_total", clientErrors);

        given().body(InferBodies.typicalRow("setosa")).post("/v2/models/iris/infer")
                .then().statusCode(400).body("error", containsString("has shape [1,4] but the model expects [-1,5]"));
        given().body(InferBodies.input("FP32", "[1,5]", "[5.0,3.4,1.5,0.2,0.0]")).post("/v2/models/iris/infer")
                .then().statusCode(200);

        assertThat(MetricsScrape.now().value("model_inference_requests_total", clientErrors) - before).isEqualTo(1);
    }
}
