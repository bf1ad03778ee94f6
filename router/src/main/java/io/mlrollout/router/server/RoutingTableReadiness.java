package io.mlrollout.router.server;

import io.mlrollout.router.routing.RoutingTableSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once a routing table was built from the ModelDeployment's status; until then every request would get 503. */
@Readiness
@ApplicationScoped
public class RoutingTableReadiness implements HealthCheck {

    private final RoutingTableSource tables;

    RoutingTableReadiness(RoutingTableSource tables) {
        this.tables = tables;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("routing-table").status(tables.hasTable())
                .withData("table", tables.current().serving() ? "serving" : tables.current().unavailableReason()).build();
    }
}
