package io.mlrollout.modelserver.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.mlrollout.modelserver.support.InferBodies;
import io.mlrollout.modelserver.support.MetricsScrape;
import io.mlrollout.modelserver.support.ServerState;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With AUTH_TOKEN set, every /v2/models/... request needs it as a bearer token, while health,
 * server metadata and metrics stay open for probes and scrapes. Refused inference requests count
 * as client errors.
 */
@QuarkusTest
@TestProfile(BearerAuthenticationTest.WithToken.class)
class BearerAuthenticationTest {

    private static final String TOKEN = "s3cret-t0ken";
    private static final String INFER = "/v2/models/iris/infer";
    private static final Map<String, String> CLIENT_ERRORS = Map.of("model", "iris", "version", "v1", "outcome", "client_error");

    public static class WithToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("auth.token", TOKEN);
        }
    }

    @BeforeEach
    void modelLoaded() {
        ServerState.awaitReady();
    }

    @Test
    void inferenceWithoutTheRightTokenIs401AndCountsAsAClientError() {
        double before = MetricsScrape.now().value("model_inference_requests_total", CLIENT_ERRORS);
        for (String authorization : List.of("", "Bearer wrong", "Basic " + TOKEN, "Bearer " + TOKEN + "x", "Bearer")) {
            var request = given().body(InferBodies.typicalRow("setosa"));
            if (!authorization.isEmpty()) {
                request.header("Authorization", authorization);
            }
            request.post(INFER).then().statusCode(401).contentType(ContentType.JSON)
                    .header("WWW-Authenticate", "Bearer").body("error", containsString("bearer token"));
        }
        given().body(InferBodies.oversized()).post(INFER).then().statusCode(401);

        assertThat(MetricsScrape.now().value("model_inference_requests_total", CLIENT_ERRORS) - before).isEqualTo(6);
    }

    @Test
    void theRightTokenServesInferenceAndMetadata() {
        given().header("Authorization", "Bearer " + TOKEN).body(InferBodies.typicalRow("setosa")).post(INFER)
                .then().statusCode(200).body("model_name", org.hamcrest.Matchers.is("iris"));
        given().header("Authorization", "bearer " + TOKEN).body(InferBodies.typicalRow("setosa"))
                .post("/v2/models/iris/versions/v1/infer").then().statusCode(200);
        for (String path : List.of("/v2/models/iris", "/v2/models/iris/ready", "/v2/models/iris/versions/v1/ready")) {
            given().header("Authorization", "Bearer " + TOKEN).get(path).then().statusCode(200);
            given().get(path).then().statusCode(401).contentType(ContentType.JSON).header("WWW-Authenticate", "Bearer");
        }
    }

    @Test
    void healthServerMetadataAndMetricsNeedNoToken() {
        for (String path : List.of("/v2/health/live", "/v2/health/ready", "/v2", "/q/health/ready", "/q/health/live", "/q/metrics")) {
            given().get(path).then().statusCode(200);
        }
    }
}
