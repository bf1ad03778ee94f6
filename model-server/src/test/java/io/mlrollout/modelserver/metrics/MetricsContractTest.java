package io.mlrollout.modelserver.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlrollout.modelserver.support.InferBodies;
import io.mlrollout.modelserver.support.MetricsScrape;
import io.mlrollout.modelserver.support.ServerState;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The series the operator reads, with the right names and labels, moving by exactly what a known
 * mix of good and bad requests should add; unknown model names create no series.
 */
@QuarkusTest
class MetricsContractTest {

    private static final String INFER = "/v2/models/iris/infer";
    private static final Map<String, String> IRIS = Map.of("model", "iris", "version", "v1");
    /** Every value of the outcome label, as the operator spells them. */
    private static final List<String> OUTCOMES = List.of("success", "client_error", "server_error", "rejected", "timeout");

    @BeforeEach
    void modelLoaded() {
        ServerState.awaitReady();
    }

    @Test
    void countsRequestsByOutcomeDurationsAndPredictedClasses() {
        MetricsScrape before = MetricsScrape.now();

        for (List<String> batch : List.of(List.of("setosa", "setosa", "virginica"), List.of("versicolor"), List.of("virginica"))) {
            given().body(InferBodies.typicalRows(batch)).post(INFER).then().statusCode(200);
        }
        given().body("not json").post(INFER).then().statusCode(400);
        given().body(InferBodies.input("FP32", "[1,5]", "[1,2,3,4,5]")).post(INFER).then().statusCode(400);
        given().body(InferBodies.oversized()).post(INFER).then().statusCode(413);
        for (int i = 0; i < 3; i++) {
            given().body(InferBodies.typicalRow("setosa")).post("/v2/models/ghost-" + i + "/infer").then().statusCode(404);
        }

        MetricsScrape after = MetricsScrape.now();
        assertThat(delta(before, after, "model_inference_requests_total", outcome("success"))).isEqualTo(3);
        assertThat(delta(before, after, "model_inference_requests_total", outcome("client_error"))).isEqualTo(3);
        assertThat(delta(before, after, "model_inference_requests_total", outcome("server_error"))).isZero();
        assertThat(delta(before, after, "model_inference_requests_total", outcome("rejected"))).isZero();
        assertThat(delta(before, after, "model_inference_requests_total", outcome("timeout"))).isZero();
        // Only requests that reached the engine have a queue and a compute time.
        assertThat(delta(before, after, "model_inference_queue_seconds_count", IRIS)).isEqualTo(3);
        assertThat(delta(before, after, "model_inference_compute_seconds_count", IRIS)).isEqualTo(3);
        assertThat(after.value("model_inference_in_flight", IRIS)).as("nothing in flight once all are answered").isZero();
        assertThat(after.value("model_inference_queue_depth", IRIS)).isZero();
        assertThat(delta(before, after, "model_inference_duration_seconds_count", outcome("success"))).isEqualTo(3);
        assertThat(delta(before, after, "model_inference_duration_seconds_count", outcome("client_error"))).isEqualTo(3);
        assertThat(delta(before, after, "model_predictions_total", species("setosa"))).isEqualTo(2);
        assertThat(delta(before, after, "model_predictions_total", species("versicolor"))).isEqualTo(1);
        assertThat(delta(before, after, "model_predictions_total", species("virginica"))).isEqualTo(2);
        assertThat(after.withPrefix("model_")).noneMatch(line -> line.contains("ghost"));
    }

    @Test
    void exposesTheContractSeriesWithTheirTypes() {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        // Prometheus text format 0.0.4: counters are typed without the _total their samples carry.
        assertThat(text).contains("# TYPE model_inference_requests counter",
                "# TYPE model_inference_duration_seconds histogram", "# TYPE model_loaded gauge",
                "# TYPE model_predictions counter", "# TYPE model_inference_queue_seconds histogram",
                "# TYPE model_inference_compute_seconds histogram", "# TYPE model_inference_queue_depth gauge",
                "# TYPE model_inference_in_flight gauge");
        // The operator tells a restarted process by its start time (counters are then read from zero).
        assertThat(text).containsPattern("(?m)^process_start_time_seconds [0-9.E]+$");

        MetricsScrape scrape = MetricsScrape.now();
        assertThat(scrape.value("model_loaded", IRIS)).isEqualTo(1.0);
        for (String outcome : OUTCOMES) {
            assertThat(scrape.series("model_inference_requests_total", outcome(outcome))).as(outcome).hasSize(1);
            assertThat(scrape.series("model_inference_duration_seconds_count", outcome(outcome))).as(outcome).hasSize(1);
        }
        for (String series : List.of("model_inference_queue_seconds_count", "model_inference_compute_seconds_count",
                "model_inference_queue_depth", "model_inference_in_flight")) {
            assertThat(scrape.series(series, IRIS)).as(series).hasSize(1);
        }
        assertThat(scrape.series("model_predictions_total", IRIS)).hasSize(3);
    }

    @Test
    void histogramBucketsAreTheDeclaredLayoutAtMostAQuarterApartFromOneMillisecondToOneSecond() {
        for (String outcome : OUTCOMES) {
            List<String> les = MetricsScrape.now().series("model_inference_duration_seconds_bucket", outcome(outcome)).stream()
                    .map(line -> line.replaceAll(".*le=\"([^\"]+)\".*", "$1"))
                    .toList();
            assertThat(les).as(outcome).contains("+Inf");
            List<Double> bounds = les.stream().filter(le -> !le.equals("+Inf")).map(Double::valueOf).sorted().toList();

            // What the operator parses is exactly what the code declares: no bound lost or shifted by unit conversion.
            assertThat(bounds).as(outcome).containsExactly(Arrays.stream(InferenceMetrics.BUCKET_SECONDS).boxed().toArray(Double[]::new));
            assertThat(bounds.get(0)).isLessThanOrEqualTo(0.0001);
            assertThat(bounds.get(bounds.size() - 1)).isGreaterThanOrEqualTo(10.0);
            assertThat(bounds).contains(0.001, 1.0);
            for (int i = 1; i < bounds.size(); i++) {
                if (bounds.get(i - 1) >= 0.001 && bounds.get(i) <= 1.0) {
                    assertThat(bounds.get(i) / bounds.get(i - 1)).as("ratio between neighbouring buckets").isLessThanOrEqualTo(1.25);
                }
            }
        }
    }

    private static Map<String, String> outcome(String outcome) {
        return Map.of("model", "iris", "version", "v1", "outcome", outcome);
    }

    private static Map<String, String> species(String label) {
        return Map.of("model", "iris", "version", "v1", "class", label);
    }

    private static double delta(MetricsScrape before, MetricsScrape after, String name, Map<String, String> labels) {
        return after.value(name, labels) - before.value(name, labels);
    }
}
