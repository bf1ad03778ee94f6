package io.mlrollout.modelserver.server;

import io.mlrollout.modelserver.inference.ModelState;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Mirrors model readiness on /q/health/ready, for platforms that probe Quarkus' health endpoints. */
@Readiness
class ModelReadinessCheck implements HealthCheck {

    private final ModelLifecycle lifecycle;

    ModelReadinessCheck(ModelLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public HealthCheckResponse call() {
        ModelState state = lifecycle.state();
        return HealthCheckResponse.named("model")
                .status(state.isReady())
                .withData("model", lifecycle.modelName())
                .withData("version", lifecycle.modelVersion())
                .withData("reason", state.isReady() ? "loaded" : state.notReadyReason())
                .build();
    }
}
