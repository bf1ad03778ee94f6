package io.mlrollout.router.resilience;

import java.util.Locale;

/** Why a canary request was retried on the stable version: the {@code reason} label of {@code router_fallbacks_total}. */
public enum FallbackReason {
    SERVER_ERROR,
    TIMEOUT,
    CONNECTION,
    CLIENT_ERROR;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
