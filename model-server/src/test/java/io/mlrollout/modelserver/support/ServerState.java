package io.mlrollout.modelserver.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

/** Waits for the server's background model load to end, one way or the other. */
public final class ServerState {

    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(60);

    private ServerState() {}

    public static void awaitReady() {
        await("model ready").atMost(LOAD_TIMEOUT).pollInterval(Duration.ofMillis(50))
                .until(() -> given().get("/v2/health/ready").statusCode() == 200);
    }

    /** Waits until readiness reports a failed load (not merely "still loading"). */
    public static void awaitLoadFailed() {
        await("model load failed").atMost(LOAD_TIMEOUT).pollInterval(Duration.ofMillis(50))
                .until(() -> given().get("/v2/health/ready").asString().contains("failed to load"));
    }
}
