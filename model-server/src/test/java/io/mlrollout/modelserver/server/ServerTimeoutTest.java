package io.mlrollout.modelserver.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
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

/**
 * The server-side timeout, with the slow sample: one of its rows takes milliseconds, far beyond a
 * 1 ms limit, so the client gets a 503 (a server error) and the server stays healthy.
 */
@QuarkusTest
@TestProfile(ServerTimeoutTest.SlowModelShortTimeout.class)
class ServerTimeoutTest {

    public static class SlowModelShortTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("model.uri", SampleModels.IRIS_SLOW, "model.version", "slow", "inference.timeout", "1ms");
        }
    }

    @Test
    void answers503WhenInferenceOutlastsTheTimeout() {
        ServerState.awaitReady();
        Map<String, String> serverErrors = Map.of("model", "iris", "version", "slow", "outcome", "server_error");
        double before = MetricsScrape.now().value("model_inference_requests_total", serverErrors);

        given().body(InferBodies.typicalRows(SampleModels.SPECIES)).post("/v2/models/iris/infer")
                .then().statusCode(503).body("error", containsString("did not finish within 1 ms (INFERENCE_TIMEOUT)"));

        assertThat(MetricsScrape.now().value("model_inference_requests_total", serverErrors) - before).isEqualTo(1);
        given().get("/v2/health/ready").then().statusCode(200);
    }
}
