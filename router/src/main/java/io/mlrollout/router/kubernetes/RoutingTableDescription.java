package io.mlrollout.router.kubernetes;

import io.mlrollout.router.routing.RoutingTable;
import io.mlrollout.router.routing.VersionEndpoints;

/** One log line for a routing table: versions, weights and pod counts (never addresses of anything else). */
final class RoutingTableDescription {

    private RoutingTableDescription() {
    }

    static String of(RoutingTable table) {
        if (!table.serving()) {
            return "unavailable: " + table.unavailableReason();
        }
        return "stable " + version(table.stable())
                + (table.canary() == null ? "" : ", canary " + version(table.canary()) + " at weight " + table.canaryWeight());
    }

    private static String version(VersionEndpoints version) {
        return version.version() + " (" + version.endpoints().size() + " Ready pods)";
    }
}
