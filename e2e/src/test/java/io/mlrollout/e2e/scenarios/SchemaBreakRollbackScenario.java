package io.mlrollout.e2e.scenarios;

import static io.mlrollout.e2e.fixture.Manifests.sample;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlrollout.api.v1alpha1.Phase;
import io.mlrollout.api.v1alpha1.RolloutResult;
import io.mlrollout.e2e.fixture.RolloutFixture;
import io.mlrollout.e2e.fixture.SampleModel;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Scenario 3: a version that breaks the input schema is rolled back on its own, with the sample
 * standard-canary policy exactly as users get it; the stable version serves throughout.
 */
public interface SchemaBreakRollbackScenario {

    SampleModel BAD = SampleModel.SCHEMA_BREAK;

    @Test
    default void schemaBreakingVersionIsRolledBackAutomatically(RolloutFixture f) {
        f.given()
                .policy(sample("rolloutpolicy-standard-canary.yaml"))
                .modelDeployment(sample("modeldeployment-iris.yaml"))
        .when()
                .apply()
                .waitForStable(SampleModel.IRIS_V1, Duration.ofSeconds(150))
                .startTraffic(20)
                .waitForRequests(40)
                .rollOut(BAD)
                // Two failed 30s analyses after the canary gets traffic, plus its start.
                .waitForPhase(Phase.RolledBack, Duration.ofSeconds(240))
                .waitFor("traffic after the rollback", Duration.ofSeconds(30), () -> requestsAfterRollback(f) >= 40)
                .stopTraffic()
        .then()
                .expectPhase(Phase.RolledBack)
                .expectStableVersion(SampleModel.IRIS_V1)
                .expectNoCanary()
                .expectCondition("Degraded", "True", "AnalysisFailed")
                .expectHistory(BAD, RolloutResult.RolledBack, reason -> assertThat(reason).contains("client-error-rate"))
                .expectEvent("RolledBack")
                .expectRequestsServedBy(BAD)
                .expectFailuresOnlyFrom(BAD)
                .expect(SchemaBreakRollbackScenario::canaryGetsNothingAfterWeightZero)
                .report("seconds from the bad canary's first request to weight 0", secondsToWeightZero(f))
                .report("failed requests served by the bad canary", f.trafficRecord().failedServedBy(BAD.version()))
                .report("requests served by the bad canary", f.trafficRecord().servedBy(BAD.version()))
                .report("requests in total", f.trafficRecord().total());
    }

    private static Instant weightZeroAt(RolloutFixture f) {
        return f.timeline().firstSeen(s -> Phase.RolledBack.name().equals(s.phase()) && s.canaryWeight() == 0).orElseThrow();
    }

    private static double secondsToWeightZero(RolloutFixture f) {
        Instant first = f.trafficRecord().firstRequestTo(BAD.version()).orElseThrow();
        return Duration.between(first, weightZeroAt(f)).toMillis() / 1000.0;
    }

    /** Endpoints converge within a refresh or two; nothing reaches the canary after that. */
    private static void canaryGetsNothingAfterWeightZero(RolloutFixture f) {
        Instant converged = weightZeroAt(f).plusSeconds(2);
        assertThat(f.trafficRecord().all()).as("requests to %s two seconds after weight 0", BAD.version())
                .filteredOn(r -> BAD.version().equals(r.version()) && r.sentAt().isAfter(converged)).isEmpty();
    }

    private static long requestsAfterRollback(RolloutFixture f) {
        Instant rolledBack = f.timeline().firstSeen(s -> Phase.RolledBack.name().equals(s.phase())).orElse(Instant.MAX);
        return f.trafficRecord().count(r -> r.sentAt().isAfter(rolledBack));
    }
}
