package io.mlrollout.e2e.scenarios;

import static io.mlrollout.e2e.fixture.Manifests.sample;
import static io.mlrollout.e2e.fixture.Manifests.scenario;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mlrollout.e2e.fixture.RolloutFixture;
import io.mlrollout.e2e.fixture.SampleModel;
import io.mlrollout.e2e.observe.RolloutState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scenario 9: with the gateway-api router the HTTPRoute's weights follow the steps exactly, and the
 * live traffic split matches each weight within {@value #TOLERANCE} (share of requests), which at
 * 40 requests a second over a 6-second hold is about three standard deviations.
 */
public interface GatewayApiScenario {

    double TOLERANCE = 0.10;
    SampleModel STABLE = SampleModel.IRIS_V1;
    SampleModel CANARY = SampleModel.IRIS_V2;

    @Test
    default void httpRouteWeightsFollowTheStepsAndTrafficFollowsTheWeights(RolloutFixture f) {
        Duration step = Duration.ofSeconds(90);
        f.given()
                .policy(scenario("policies/gateway-canary.yaml"))
                .modelDeployment(sample("modeldeployment-iris-gateway.yaml"))
                .policyRef("gateway-canary")
        .when()
                .apply()
                .waitForStable(STABLE, Duration.ofSeconds(150))
                .startTraffic(40)
                .waitForRequests(40)
                .rollOut(CANARY)
                .waitForCanaryWeight(20, Duration.ofSeconds(120))
        .then()
                .expectRouteWeights(STABLE, 80, CANARY, 20)
        .when()
                .waitForCanaryWeight(50, step)
        .then()
                .expectRouteWeights(STABLE, 50, CANARY, 50)
        .when()
                .waitForCanaryWeight(80, step)
        .then()
                .expectRouteWeights(STABLE, 20, CANARY, 80)
        .when()
                .waitForStable(CANARY, step)
                .stopTraffic()
        .then()
                .expectStableVersion(CANARY)
                .expectNoFailedRequests()
                .expect(fixture -> List.of(20, 50, 80).forEach(weight -> splitMatches(fixture, weight)));
    }

    /** Over the time the route held {@code weight}, the canary's share of requests was that weight. */
    private static void splitMatches(RolloutFixture f, int weight) {
        List<RolloutState> states = f.timeline().states();
        int first = -1;
        for (int i = 0; i < states.size() && first < 0; i++) {
            first = states.get(i).canaryWeight() == weight ? i : -1;
        }
        assertThat(first).as("a state at %d%%", weight).isNotNegative();
        int end = first;
        while (end < states.size() && states.get(end).canaryWeight() == weight) {
            end++;
        }
        // Skip the first half second: the gateway picks up a new route within one refresh.
        Instant from = states.get(first).seenAt().plusMillis(500);
        Instant to = end < states.size() ? states.get(end).seenAt() : Instant.now();
        double share = f.trafficRecord().shareOf(CANARY.version(), from, to);
        long requests = f.trafficRecord().count(r -> !r.sentAt().isBefore(from) && r.sentAt().isBefore(to));
        f.then().report("canary share of traffic at weight " + weight + "%", String.format("%.3f over %d requests", share, requests));
        assertThat(requests).as("requests while the route held %d%%", weight).isGreaterThanOrEqualTo(100);
        assertThat(share).as("canary share at %d%% over %d requests", weight, requests).isCloseTo(weight / 100.0, within(TOLERANCE));
    }
}
