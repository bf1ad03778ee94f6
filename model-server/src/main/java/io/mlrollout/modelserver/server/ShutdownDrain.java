package io.mlrollout.modelserver.server;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drain between a shutdown request (SIGTERM) and the server stopping. Kubernetes removes a
 * terminating pod from its Service's endpoints asynchronously, so clients keep sending requests
 * here for a while: during {@code DRAIN_PERIOD} the readiness endpoints answer "not ready" while
 * inference keeps serving new and in-flight requests as usual.
 *
 * <p>Quarkus runs the wait itself ({@code quarkus.shutdown.delay}, set from {@code DRAIN_PERIOD}) and
 * announces its start with {@link ShutdownDelayInitiatedEvent}, the earliest shutdown hook it offers.
 * Only after the wait does the HTTP layer refuse new requests and give those in flight up to
 * {@code quarkus.shutdown.timeout}; then the workers close ({@link ModelLifecycle}).
 */
@ApplicationScoped
public class ShutdownDrain {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownDrain.class);

    private final Duration period;
    private final Duration requestsInFlightTimeout;
    private volatile boolean draining;

    ShutdownDrain(@ConfigProperty(name = "quarkus.shutdown.delay") Optional<Duration> period,
            @ConfigProperty(name = "quarkus.shutdown.timeout") Optional<Duration> requestsInFlightTimeout) {
        this.period = period.filter(p -> !p.isNegative()).orElse(Duration.ZERO);
        this.requestsInFlightTimeout = requestsInFlightTimeout.orElse(Duration.ZERO);
    }

    void onShutdownRequested(@Observes ShutdownDelayInitiatedEvent event) {
        startDraining();
    }

    /** Readiness reports "not ready" from now on; inference is not affected. Logs once. */
    void startDraining() {
        if (draining) {
            return;
        }
        draining = true;
        if (period.isZero()) {
            LOG.info("shutdown requested: no drain (DRAIN_PERIOD is 0); readiness reports not ready, requests in flight"
                    + " get up to {} ms", requestsInFlightTimeout.toMillis());
        } else {
            LOG.info("shutdown requested: draining for {} ms (DRAIN_PERIOD): readiness reports not ready, inference keeps"
                    + " serving; then requests in flight get up to {} ms", period.toMillis(), requestsInFlightTimeout.toMillis());
        }
    }

    public boolean isDraining() {
        return draining;
    }

    /** The reason the readiness endpoints give while draining. */
    public String notReadyReason() {
        return "the server is shutting down (draining for " + period.toMillis() + " ms, DRAIN_PERIOD)";
    }
}
