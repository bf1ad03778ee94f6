package io.mlrollout.router.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlrollout.api.v1alpha1.ModelRef;
import io.mlrollout.api.v1alpha1.VersionNames;
import io.mlrollout.router.proxy.TestingModelServer.Behaviour;
import io.mlrollout.router.routing.ReadyPod;
import io.mlrollout.router.routing.RoutingTables;
import io.mlrollout.router.routing.TrafficIntent;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The router over real HTTP on loopback, in front of two stand-in model servers, with the routing table
 * set by the test. Every test rolls out a canary of its own version, so the ejection state and the
 * per-version series of one test never meet another's.
 */
@QuarkusTest
class RouterHttpTest {

    private static final AtomicInteger CANARIES = new AtomicInteger();
    private static final String INFER = "/v2/models/iris/infer";
    private static final String GOOD = "{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[1,4],\"data\":[5.0,3.4,1.5,0.2]}]}";

    @TestHTTPResource("/")
    URL router;

    @Inject
    TestingRoutingTableSource tables;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Vertx vertx;
    private TestingModelServer stable;
    private TestingModelServer canary;
    private ModelRef stableModel;
    private ModelRef canaryModel;

    @BeforeEach
    void startVersions() throws Exception {
        vertx = Vertx.vertx();
        stableModel = new ModelRef("1.0.0", "classpath:models/iris-v1/model.onnx", null);
        canaryModel = new ModelRef("2.0." + CANARIES.incrementAndGet(), "classpath:models/iris-v2/model.onnx", null);
        stable = new TestingModelServer(vertx, stableModel.getVersion());
        canary = new TestingModelServer(vertx, canaryModel.getVersion());
    }

    @AfterEach
    void stopVersions() throws Exception {
        stable.close();
        canary.close();
        vertx.close().toCompletionStage().toCompletableFuture().get();
    }

    private void route(int weight) {
        tables.set(RoutingTables.compute(new TrafficIntent(stableModel, canaryModel, weight), List.of(
                new ReadyPod(VersionNames.slug(stableModel), stable.endpoint()),
                new ReadyPod(VersionNames.slug(canaryModel), canary.endpoint()))));
    }

    private HttpResponse<String> send(String method, String path, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(router.toString()).resolve(path)).timeout(Duration.ofSeconds(40))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> infer(String body, Map<String, String> headers) throws IOException, InterruptedException {
        return send("POST", INFER, body, headers);
    }

    private HttpResponse<String> infer() throws IOException, InterruptedException {
        return infer(GOOD, Map.of());
    }

    private static String servedBy(HttpResponse<String> response) {
        return response.headers().firstValue("x-mlrollout-served-by").orElse("");
    }

    /** The user got the stable version's answer after the canary's first attempt failed for this reason. */
    private void assertStableAnsweredAfterCanary(HttpResponse<String> response, String reason) {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(servedBy(response)).isEqualTo(stableModel.getVersion());
        assertThat(response.headers().firstValue("x-mlrollout-fallback")).contains(reason);
    }

    private double metric(String series) throws IOException, InterruptedException {
        String text = send("GET", "/q/metrics", null, Map.of()).body();
        Matcher value = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(text);
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }

    private String attempts(ModelRef model, String role, String outcome) {
        return "router_requests_total{outcome=\"" + outcome + "\",role=\"" + role + "\",version=\"" + model.getVersion() + "\"}";
    }

    @Test
    void theCanaryGetsItsWeightExactlyAndBothVersionsAnswer() throws Exception {
        route(10);
        int onCanary = 0;
        for (int i = 0; i < 200; i++) {
            HttpResponse<String> response = infer();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"model_version\":\"" + servedBy(response) + "\"");
            onCanary += servedBy(response).equals(canaryModel.getVersion()) ? 1 : 0;
        }
        // Any run of consecutive weighted choices is within one request of the exact share.
        assertThat(onCanary).isBetween(19, 21);
        assertThat(canary.received()).isEqualTo(onCanary);
        assertThat(metric(attempts(canaryModel, "canary", "success"))).isEqualTo(onCanary);
    }

    @Test
    void aCanaryServerErrorIsAnsweredByTheStableAndCountedAgainstTheCanary() throws Exception {
        canary.behave(Behaviour.SERVER_ERROR);
        route(100);
        assertStableAnsweredAfterCanary(infer(), "server_error");
        assertThat(canary.received()).isEqualTo(1);
        assertThat(stable.received()).isEqualTo(1);
        assertThat(metric(attempts(canaryModel, "canary", "server_error"))).isEqualTo(1);
    }

    @Test
    void aSchemaBreakIsInvisibleToUsersWhileAClientErrorBothVersionsGiveReachesTheUser() throws Exception {
        canary.behave(Behaviour.CLIENT_ERROR);
        route(100);
        assertStableAnsweredAfterCanary(infer(), "client_error");

        HttpResponse<String> badRequest = infer("{\"bad\":true}", Map.of());
        assertThat(badRequest.statusCode()).isEqualTo(400);
        assertThat(badRequest.body()).contains("\"error\"");
        assertThat(servedBy(badRequest)).isEqualTo("1.0.0");
    }

    @Test
    void aHangingCanaryTimesOutAndTheStableAnswersWithinTheDeadline() throws Exception {
        canary.behave(Behaviour.HANG);
        route(100);
        long start = System.nanoTime();
        assertStableAnsweredAfterCanary(infer(), "timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("within ROUTER_REQUEST_TIMEOUT").isLessThan(Duration.ofSeconds(20));
        assertThat(metric(attempts(canaryModel, "canary", "timeout"))).isEqualTo(1);
    }

    @Test
    void aCanaryThatRefusesConnectionsFallsBackToo() throws Exception {
        route(100);
        canary.close();
        assertStableAnsweredAfterCanary(infer(), "connection");
        assertThat(metric(attempts(canaryModel, "canary", "rejected"))).isEqualTo(1);
    }

    @Test
    void aRequestPinnedToTheCanaryGetsTheCanarysOwnAnswerWithoutFallback() throws Exception {
        canary.behave(Behaviour.SERVER_ERROR);
        route(0);
        HttpResponse<String> response = infer(GOOD, Map.of("x-mlrollout-version", "canary"));
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(servedBy(response)).isEqualTo(canaryModel.getVersion());
        assertThat(stable.received()).isZero();
        assertThat(canary.lastHeader("x-mlrollout-version")).as("the router's own headers stay with it").isNull();
    }

    @Test
    void aFailingCanaryIsEjectedAfterFiveFailuresWhileTheStableSucceeds() throws Exception {
        canary.behave(Behaviour.SERVER_ERROR);
        route(50);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            statuses.add(infer().statusCode());
        }
        assertThat(statuses).containsOnly(200);
        assertThat(canary.received()).isEqualTo(5);
        assertThat(metric("router_canary_ejected")).isEqualTo(1);
        assertThat(metric("router_canary_weight")).isEqualTo(0);

        canaryModel = new ModelRef("3.0." + CANARIES.incrementAndGet(), canaryModel.getUri(), null);
        route(50);
        assertThat(metric("router_canary_ejected")).as("a different canary starts afresh").isEqualTo(0);
    }

    @Test
    void requestIdsAndAuthorizationPassThrough() throws Exception {
        route(0);
        HttpResponse<String> response = infer(GOOD, Map.of("X-Request-Id", "abc-123", "Authorization", "Bearer t0ken"));
        assertThat(response.headers().firstValue("X-Request-Id")).contains("abc-123");
        assertThat(stable.lastHeader("Authorization")).isEqualTo("Bearer t0ken");
        HttpResponse<String> unsafe = infer(GOOD, Map.of("X-Request-Id", "<script>"));
        assertThat(unsafe.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).matches("r[0-9a-f]+-\\d+"));
    }

    @Test
    void getsAreForwardedAndOtherMethodsOrPathsAreJsonErrors() throws Exception {
        route(0);
        assertThat(send("GET", "/v2/models/iris", null, Map.of()).statusCode()).isEqualTo(200);
        HttpResponse<String> put = send("PUT", INFER, GOOD, Map.of());
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(put.body()).contains("\"error\"", "PUT");
        HttpResponse<String> unknown = send("GET", "/nowhere", null, Map.of());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("\"error\"", "/nowhere");
    }

    @Test
    void aBodyOverTheLimitIs413WithoutReachingAnyVersion() throws Exception {
        route(0);
        HttpResponse<String> response = infer("x".repeat(65 * 1024), Map.of());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("ROUTER_MAX_REQUEST_BYTES");
        assertThat(stable.received()).isZero();
    }

    @Test
    void withoutATableEveryRequestIs503AsJsonWhileTheRouterStaysReady() throws Exception {
        route(0);
        tables.withdraw("ModelDeployment test/test does not exist");
        HttpResponse<String> response = infer();
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("{\"error\":\"ModelDeployment test/test does not exist\"}");
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        // Ready since the first table: a router that answers 503 itself is better than endpoints that vanish.
        assertThat(send("GET", "/q/health/ready", null, Map.of()).statusCode()).isEqualTo(200);
    }
}
