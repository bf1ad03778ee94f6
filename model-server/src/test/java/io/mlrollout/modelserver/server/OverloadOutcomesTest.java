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
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The two 503s of an overloaded server, each counted with its own outcome rather than as a
 * {@code server_error}, with the slow sample (a row takes milliseconds; a fast model's small
 * requests never queue): one that outlasts a 1 ms INFERENCE_TIMEOUT is a {@code timeout}; one whose
 * body would take the queued bytes over INFERENCE_QUEUE_MAX_BYTES (128 here) is {@code rejected}.
 * The server stays healthy.
 */
@QuarkusTest
@TestProfile(OverloadOutcomesTest.SlowModelShortTimeoutSmallQueue.class)
class OverloadOutcomesTest {

    private static final int QUEUE_BYTES = 128;
    private static final String ONE_ROW = InferBodies.typicalRow("setosa");
    private static final String THREE_ROWS = InferBodies.typicalRows(SampleModels.SPECIES);

    public static class SlowModelShortTimeoutSmallQueue implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("model.uri", SampleModels.IRIS_SLOW, "model.version", "slow", "inference.timeout", "1ms",
                    "inference.queue-max-bytes", Integer.toString(QUEUE_BYTES));
        }
    }

    @BeforeEach
    void modelLoaded() {
        ServerState.awaitReady();
        assertThat(ONE_ROW.getBytes(StandardCharsets.UTF_8).length).isLessThan(QUEUE_BYTES);
        assertThat(THREE_ROWS.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(QUEUE_BYTES);
    }

    @Test
    void inferenceOutlastingTheTimeoutIs503CountedAsTimeout() {
        assertCountedOnlyAs("timeout", () -> given().body(ONE_ROW).post("/v2/models/iris/infer").then().statusCode(503)
                .contentType(ContentType.JSON).body("error", containsString("did not finish within 1 ms (INFERENCE_TIMEOUT)")));
    }

    @Test
    void aBodyThatWouldPassTheQueuedBytesIs503CountedAsRejected() {
        assertCountedOnlyAs("rejected", () -> given().body(THREE_ROWS).post("/v2/models/iris/infer").then().statusCode(503)
                .contentType(ContentType.JSON).body("error", containsString("INFERENCE_QUEUE_MAX_BYTES")));
    }

    private static void assertCountedOnlyAs(String outcome, Runnable request) {
        MetricsScrape before = MetricsScrape.now();
        request.run();
        MetricsScrape after = MetricsScrape.now();
        for (String each : List.of("success", "client_error", "server_error", "rejected", "timeout")) {
            Map<String, String> labels = Map.of("model", "iris", "version", "slow", "outcome", each);
            assertThat(after.value("model_inference_requests_total", labels) - before.value("model_inference_requests_total", labels))
                    .as(each).isEqualTo(each.equals(outcome) ? 1 : 0);
        }
        given().get("/v2/health/ready").then().statusCode(200);
    }
}
