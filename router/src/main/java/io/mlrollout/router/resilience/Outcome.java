package io.mlrollout.router.resilience;

import java.util.Locale;

/**
 * The {@code outcome} label of the router's request series, the same words as the model server's and the
 * operator's {@code RequestOutcome}: {@code rejected} and {@code timeout} are failures the version caused
 * by not answering at all, kept apart from {@code server_error} answers.
 */
public enum Outcome {
    SUCCESS,
    CLIENT_ERROR,
    SERVER_ERROR,
    REJECTED,
    TIMEOUT;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Outcome ofStatus(int status) {
        if (status >= 500) {
            return SERVER_ERROR;
        }
        return status >= 400 ? CLIENT_ERROR : SUCCESS;
    }
}
