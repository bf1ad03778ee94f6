package io.mlrollout.router.routing;

import java.util.Locale;

/** The part a model version plays in a rollout; also the {@code role} label of the router's metrics. */
public enum Role {
    STABLE,
    CANARY;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
