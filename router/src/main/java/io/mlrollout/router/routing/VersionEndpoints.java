package io.mlrollout.router.routing;

import io.mlrollout.api.v1alpha1.ModelRef;
import java.util.List;

/**
 * One model version of the ModelDeployment with its Ready pods, in a stable order (sorted by
 * address) so that round-robin does not jump when an unrelated pod changes.
 *
 * @param slug the value of the {@code mlrollout.io/version} label of its pods
 */
public record VersionEndpoints(Role role, ModelRef model, String slug, List<Endpoint> endpoints) {

    public VersionEndpoints {
        endpoints = List.copyOf(endpoints);
    }

    public boolean hasReadyPods() {
        return !endpoints.isEmpty();
    }

    /** The version string users know, as in the status and the {@code x-mlrollout-version} header. */
    public String version() {
        return model.getVersion();
    }

    /** Whether a pin header names this version: by its role, its version string or its slug. */
    public boolean isNamedBy(String pin) {
        return role.label().equalsIgnoreCase(pin) || pin.equals(model.getVersion()) || pin.equals(slug);
    }
}
