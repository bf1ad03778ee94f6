package io.mlrollout.modelserver.server;

import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Mirrors model readiness, shutdown drain included, on /q/health/ready, for platforms that probe
 * Quarkus' health endpoints.
 */
@Readiness
class ModelReadinessCheck implements HealthCheck {

    private final ModelLifecycle lifecycle;

    ModelReadinessCheck(ModelLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public HealthCheckResponse call() {
        Optional<String> notReady = lifecycle.notReadyReason();
        return HealthCheckResponse.named("model")
                .status(notReady.isEmpty())
                .withData("model", lifecycle.modelName())
                .withData("version", lifecycle.modelVersion())
                .withData("reason", notReady.orElse("loaded"))
                .build();
    }
}
