package io.mlrollout.e2e.scenarios;

import static io.mlrollout.e2e.fixture.Manifests.sample;
import static io.mlrollout.e2e.fixture.Manifests.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlrollout.api.v1alpha1.Phase;
import io.mlrollout.api.v1alpha1.RolloutResult;
import io.mlrollout.e2e.fixture.RolloutFixture;
import io.mlrollout.e2e.fixture.SampleModel;
import io.mlrollout.e2e.observe.RolloutState;
import io.mlrollout.e2e.traffic.RequestRecord;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Scenario 2: a good version walks every step under live traffic and is promoted, and no request fails. */
public interface CanaryPromotionScenario {

    @Test
    default void goodVersionWalksEveryStepAndIsPromotedWithoutFailedRequests(RolloutFixture f) {
        f.given()
                .policy(scenario("policies/fast-canary.yaml"))
                .modelDeployment(sample("modeldeployment-iris.yaml"))
                .policyRef("fast-canary")
        .when()
                .apply()
                .waitForStable(SampleModel.IRIS_V1, Duration.ofSeconds(150))
                .startTraffic(25)
                .waitForRequests(25)
                .rollOut(SampleModel.IRIS_V2)
                .waitForStable(SampleModel.IRIS_V2, Duration.ofSeconds(180))
                .waitFor("traffic after the promotion", Duration.ofSeconds(30), () -> requestsAfterPromotion(f) >= 25)
                .stopTraffic()
        .then()
                .expectPhase(Phase.Stable)
                .expectStableVersion(SampleModel.IRIS_V2)
                .expectNoCanary()
                .expectHistory(SampleModel.IRIS_V2, RolloutResult.Promoted, reason -> { })
                .expectEvent("RolloutStarted")
                .expectEvent("WeightChanged")
                .expectEvent("Promoted")
                .expectDeployments(1)
                .expectRequestsServedBy(SampleModel.IRIS_V1)
                .expectRequestsServedBy(SampleModel.IRIS_V2)
                .expect(CanaryPromotionScenario::walkedEveryStep)
                .expect(CanaryPromotionScenario::onlyTheNewVersionServesAfterPromotion)
                .report("failed requests during the whole rollout", f.trafficRecord().failed())
                .report("failed requests during promotion", failedDuringPromotion(f))
                .report("requests in total", f.trafficRecord().total())
                .expectNoFailedRequests();
    }

    /** Both holds of fast-canary were seen with traffic on the canary, then the promotion. */
    private static void walkedEveryStep(RolloutFixture f) {
        var canaryStates = f.timeline().states().stream().filter(s -> SampleModel.IRIS_V2.version().equals(s.canaryVersion())).toList();
        assertThat(canaryStates).as("steps seen during the rollout").extracting(RolloutState::currentStep).contains(1, 3);
        assertThat(canaryStates).as("weights seen").anyMatch(s -> s.canaryWeight() > 0);
        assertThat(canaryStates).as("phases seen").extracting(RolloutState::phase)
                .contains(Phase.Progressing.name(), Phase.Promoting.name());
    }

    private static void onlyTheNewVersionServesAfterPromotion(RolloutFixture f) {
        Instant settled = promotedAt(f).plusSeconds(1);
        assertThat(f.trafficRecord().all()).as("requests sent a second after the promotion")
                .filteredOn(r -> r.sentAt().isAfter(settled)).isNotEmpty()
                .allMatch(r -> SampleModel.IRIS_V2.version().equals(r.version()));
    }

    private static long failedDuringPromotion(RolloutFixture f) {
        Instant from = f.timeline().firstSeen(s -> Phase.Promoting.name().equals(s.phase())).orElseThrow();
        Instant to = promotedAt(f).plusSeconds(2);
        return f.trafficRecord().count(r -> r.failed() && !r.sentAt().isBefore(from) && r.sentAt().isBefore(to));
    }

    private static Instant promotedAt(RolloutFixture f) {
        return f.timeline().firstSeen(s -> Phase.Stable.name().equals(s.phase())
                && SampleModel.IRIS_V2.version().equals(s.stableVersion())).orElseThrow();
    }

    private static long requestsAfterPromotion(RolloutFixture f) {
        Instant promoted = f.timeline().firstSeen(s -> SampleModel.IRIS_V2.version().equals(s.stableVersion())
                && Phase.Stable.name().equals(s.phase())).orElse(Instant.MAX);
        return f.trafficRecord().count((RequestRecord r) -> r.sentAt().isAfter(promoted.plusSeconds(1)));
    }
}
