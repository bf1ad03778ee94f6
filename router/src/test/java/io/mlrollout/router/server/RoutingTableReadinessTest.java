package io.mlrollout.router.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlrollout.router.routing.PublishedTable;
import io.mlrollout.router.routing.RoutingTable;
import io.mlrollout.router.routing.Tables;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class RoutingTableReadinessTest {

    /** A source the test publishes to, as the informers would. */
    private static final class Source extends PublishedTable {
        Source() {
            super("not read yet");
        }

        void offer(RoutingTable table, boolean fromStatus) {
            publish(table, fromStatus);
        }
    }

    @Test
    void readyOnceATableFromAStatusExistsAndFromThenOn() {
        Source source = new Source();
        RoutingTableReadiness readiness = new RoutingTableReadiness(source);
        assertThat(readiness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        source.offer(RoutingTable.unavailable("ModelDeployment ml/iris does not exist"), false);
        assertThat(readiness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        source.offer(Tables.table(1, 0, 0), true);
        assertThat(readiness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        source.offer(RoutingTable.unavailable("ModelDeployment ml/iris does not exist"), false);
        assertThat(readiness.call().getStatus()).as("the router answers 503 itself rather than vanish").isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(readiness.call().getData().orElseThrow().get("table")).isEqualTo("ModelDeployment ml/iris does not exist");
    }
}
