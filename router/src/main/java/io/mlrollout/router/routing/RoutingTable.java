package io.mlrollout.router.routing;

import java.util.Optional;

/**
 * Where requests go, as a value: the stable and canary versions with their Ready pods and the canary's
 * share in effect. Computed by {@link RoutingTables#compute} and replaced whole on every change, so a
 * request sees one consistent table from start to end.
 *
 * @param stable null when the table is unavailable
 * @param canary null when no rollout runs
 * @param canaryWeight the canary's share in percent really in effect here (0 when it has no Ready pods)
 * @param unavailableReason null when requests can be routed; else why every request gets 503
 */
public record RoutingTable(VersionEndpoints stable, VersionEndpoints canary, int canaryWeight, String unavailableReason) {

    public RoutingTable {
        if (unavailableReason == null && stable == null) {
            throw new IllegalArgumentException("a serving table needs a stable version");
        }
        if (canaryWeight < 0 || canaryWeight > 100) {
            throw new IllegalArgumentException("canaryWeight " + canaryWeight + " is not in 0..100");
        }
    }

    public static RoutingTable unavailable(String reason) {
        return new RoutingTable(null, null, 0, reason);
    }

    public boolean serving() {
        return unavailableReason == null;
    }

    public Optional<VersionEndpoints> version(Role role) {
        return Optional.ofNullable(role == Role.STABLE ? stable : canary);
    }

    /** The version of that role, if it has Ready pods. */
    public Optional<VersionEndpoints> routable(Role role) {
        return version(role).filter(VersionEndpoints::hasReadyPods);
    }
}
