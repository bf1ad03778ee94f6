package io.mlrollout.router.routing;

import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Which version a request's first attempt goes to. In order: a pin header names the version (its role,
 * version string or slug), and the request goes there even to an ejected canary, since a tester wants
 * that version's own answer; else a hash key keeps the caller on one side of the weight; else the
 * weighted choice by request number. An ejected canary counts as weight 0 for the last two.
 */
public final class VersionSelection {

    private VersionSelection() {
    }

    /**
     * @param pin the pin header's value, or null
     * @param hashKey the hash key header's value, or null
     * @param nextRequestNumber numbers the weighted choices 0, 1, 2, ...; asked only when the weight decides, so
     *     pinned and sticky requests leave no gaps in the sequence
     */
    public static Result select(RoutingTable table, String pin, String hashKey, LongSupplier nextRequestNumber, boolean canaryEjected) {
        if (!table.serving()) {
            return new Refused(503, table.unavailableReason());
        }
        if (pin != null && !pin.isBlank()) {
            return pinned(table, pin.trim());
        }
        int weight = canaryEjected ? 0 : table.canaryWeight();
        Role role = hashKey != null && !hashKey.isEmpty() && table.canary() != null
                ? StickyChoice.choose(hashKey, table.canary().slug(), weight)
                : WeightedChoice.choose(nextRequestNumber.getAsLong(), weight);
        // RoutingTables gives weight above 0 only to a canary with Ready pods; the stable can still lack
        // them when an ejected canary held all the traffic.
        VersionEndpoints version = table.version(role).orElseThrow();
        return version.hasReadyPods() ? new Chosen(version, false)
                : new Refused(503, "version " + version.version() + " has no Ready pods and the canary is ejected");
    }

    private static Result pinned(RoutingTable table, String pin) {
        Optional<VersionEndpoints> named = table.version(Role.STABLE).filter(v -> v.isNamedBy(pin))
                .or(() -> table.version(Role.CANARY).filter(v -> v.isNamedBy(pin)));
        if (named.isEmpty()) {
            return new Refused(404, "x-mlrollout-version names no version of this ModelDeployment: '" + pin + "' (stable "
                    + table.stable().version() + (table.canary() == null ? ", no canary" : ", canary " + table.canary().version()) + ")");
        }
        if (!named.get().hasReadyPods()) {
            return new Refused(503, "version " + named.get().version() + " has no Ready pods");
        }
        return new Chosen(named.get(), true);
    }

    /** Either a version to try first or the error to answer with. */
    public sealed interface Result {
    }

    /** @param pinned whether a header chose the version (then there is no fallback) */
    public record Chosen(VersionEndpoints version, boolean pinned) implements Result {
    }

    public record Refused(int status, String message) implements Result {
    }
}
