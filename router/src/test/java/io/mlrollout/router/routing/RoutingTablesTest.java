package io.mlrollout.router.routing;

import static io.mlrollout.router.routing.Tables.CANARY;
import static io.mlrollout.router.routing.Tables.STABLE;
import static io.mlrollout.router.routing.Tables.pods;
import static io.mlrollout.router.routing.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlrollout.api.v1alpha1.ModelDeploymentStatus;
import io.mlrollout.api.v1alpha1.ModelRef;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RoutingTablesTest {

    @ParameterizedTest(name = "stable pods {0}, canary pods {1}, status weight {2} -> serving {3}, weight {4}")
    @CsvSource({
        "2, 2, 10, true, 10",
        "2, 0, 10, true, 0",     // a canary without Ready pods gets nothing
        "2, 1, 100, true, 100",
        "0, 1, 100, true, 100",  // the stable has none but the canary is meant to take everything
        "0, 1, 50, false, 0",    // the canary never takes a share it was not given
        "0, 0, 50, false, 0",
        "1, 1, 0, true, 0",
    })
    void theWeightInEffectFollowsTheReadyPods(int stablePods, int canaryPods, int weight, boolean serving, int effective) {
        RoutingTable table = table(stablePods, canaryPods, weight);
        assertThat(table.serving()).isEqualTo(serving);
        assertThat(table.canaryWeight()).isEqualTo(effective);
        if (!serving) {
            assertThat(table.unavailableReason()).contains(STABLE.getVersion());
        }
    }

    @Test
    void podsAreMatchedToVersionsByTheirSlugAndSortedByAddress() {
        List<ReadyPod> canaryPods = pods(CANARY, 3);
        RoutingTable table = RoutingTables.compute(new TrafficIntent(STABLE, CANARY, 20),
                List.of(canaryPods.get(2), pods(STABLE, 1).get(0), canaryPods.get(0), canaryPods.get(1),
                        new ReadyPod("some-other-version", new Endpoint("10.9.9.9", 8080))));
        assertThat(table.stable().endpoints()).extracting(Endpoint::host).containsExactly("10.0.1.1");
        assertThat(table.canary().endpoints()).extracting(Endpoint::host).containsExactly("10.0.2.1", "10.0.2.2", "10.0.2.3");
    }

    @Test
    void withoutARolloutThereIsNoCanaryAndTheSameInputsGiveAnEqualTable() {
        RoutingTable table = RoutingTables.compute(new TrafficIntent(STABLE, null, 0), pods(STABLE, 2));
        assertThat(table.canary()).isNull();
        assertThat(table).isEqualTo(RoutingTables.compute(new TrafficIntent(STABLE, null, 0), pods(STABLE, 2)));
    }

    @Test
    void theIntentIsReadFromTheStatusAndAbsentUntilAStableVersionIsNamed() {
        ModelDeploymentStatus status = new ModelDeploymentStatus();
        assertThat(TrafficIntents.fromStatus(null)).isEmpty();
        assertThat(TrafficIntents.fromStatus(status)).isEmpty();
        status.setStable(STABLE);
        status.setCanaryWeight(30);
        assertThat(TrafficIntents.fromStatus(status)).contains(new TrafficIntent(STABLE, null, 0));
        status.setCanary(CANARY);
        assertThat(TrafficIntents.fromStatus(status)).contains(new TrafficIntent(STABLE, CANARY, 30));
        status.setCanary(new ModelRef(STABLE.getVersion(), STABLE.getUri(), null));
        assertThat(TrafficIntents.fromStatus(status).orElseThrow().canary()).as("a canary equal to the stable is none").isNull();
    }
}
