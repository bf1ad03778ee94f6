package io.mlrollout.operator.analysis;

import java.util.Optional;

/**
 * The {@code outcome} label of the model server's request counters. Overload ({@code rejected}) and
 * {@code timeout} are counted apart from {@code server_error} by the server, so that a policy can tell
 * a canary that is too slow for its load from one that is broken; all three are failures the user saw.
 */
public enum RequestOutcome {
    SUCCESS("success"),
    CLIENT_ERROR("client_error"),
    SERVER_ERROR("server_error"),
    REJECTED("rejected"),
    TIMEOUT("timeout");

    private final String label;

    RequestOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Empty for a label this operator does not know (a newer server): such requests are not counted at all. */
    public static Optional<RequestOutcome> fromLabel(String label) {
        for (RequestOutcome outcome : values()) {
            if (outcome.label.equals(label)) {
                return Optional.of(outcome);
            }
        }
        return Optional.empty();
    }
}
