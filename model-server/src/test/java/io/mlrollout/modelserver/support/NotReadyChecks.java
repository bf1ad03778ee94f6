package io.mlrollout.modelserver.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.util.Map;

/** What a server whose model failed to load must show, everywhere an operator or client looks. */
public final class NotReadyChecks {

    private NotReadyChecks() {}

    public static void assertUnreadyBecause(String reason) {
        ServerState.awaitLoadFailed();
        given().get("/v2/health/live").then().statusCode(200).body("live", is(true));
        given().get("/v2/health/ready").then().statusCode(503).body("ready", is(false)).body("reason", containsString(reason));
        given().get("/v2/models/iris/ready").then().statusCode(503).body("ready", is(false)).body("reason", containsString(reason));
        given().get("/q/health/ready").then().statusCode(503).body("status", is("DOWN"));
        given().get("/v2/models/iris").then().statusCode(503).body("error", containsString(reason));
        given().body(InferBodies.typicalRow("setosa")).post("/v2/models/iris/infer")
                .then().statusCode(503).body("error", containsString(reason));
        MetricsScrape metrics = MetricsScrape.now();
        assertThat(metrics.value("model_loaded", Map.of("model", "iris"))).isZero();
        assertThat(metrics.series("model_loaded", Map.of("model", "iris"))).hasSize(1);
        assertThat(metrics.value("model_inference_requests_total", Map.of("model", "iris", "outcome", "server_error")))
                .isGreaterThanOrEqualTo(1);
    }
}
