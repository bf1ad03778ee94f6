package io.mlrollout.e2e.traffic;

import java.time.Instant;

/**
 * One inference request as the client saw it.
 *
 * @param version the model version of the pod it was routed to (its MODEL_VERSION), or null without an endpoint
 * @param pod the pod it was routed to, or null
 * @param status the HTTP status, 0 without one
 */
public record RequestRecord(Instant sentAt, long latencyMicros, String version, String pod, int status, Outcome outcome) {

    public boolean failed() {
        return outcome.failed();
    }
}
