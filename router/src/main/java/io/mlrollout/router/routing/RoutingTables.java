package io.mlrollout.router.routing;

import io.mlrollout.api.v1alpha1.ModelRef;
import io.mlrollout.api.v1alpha1.VersionNames;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The routing table as a pure function of the status's traffic intent and the Ready pods. It keeps the
 * traffic invariant that a version without Ready pods gets no traffic: a canary without Ready pods
 * gets weight 0; a stable version without Ready pods can be bypassed only when the canary is meant to
 * take everything (weight 100), otherwise the table is unavailable rather than overload the canary
 * with a share it was never given.
 */
public final class RoutingTables {

    private static final Comparator<Endpoint> BY_ADDRESS = Comparator.comparing(Endpoint::host).thenComparingInt(Endpoint::port);

    private RoutingTables() {
    }

    public static RoutingTable compute(TrafficIntent intent, Collection<ReadyPod> pods) {
        VersionEndpoints stable = endpoints(Role.STABLE, intent.stable(), pods);
        VersionEndpoints canary = intent.canary() == null ? null : endpoints(Role.CANARY, intent.canary(), pods);
        boolean canaryReady = canary != null && canary.hasReadyPods();
        if (stable.hasReadyPods()) {
            return new RoutingTable(stable, canary, canaryReady ? intent.canaryWeight() : 0, null);
        }
        if (canaryReady && intent.canaryWeight() == 100) {
            return new RoutingTable(stable, canary, 100, null);
        }
        return RoutingTable.unavailable(canaryReady
                ? "the stable version " + stable.version() + " has no Ready pods and the canary's weight is "
                        + intent.canaryWeight() + ", not 100"
                : "no version of the ModelDeployment has Ready pods (stable " + stable.version()
                        + (canary == null ? "" : ", canary " + canary.version()) + ")");
    }

    private static VersionEndpoints endpoints(Role role, ModelRef model, Collection<ReadyPod> pods) {
        String slug = VersionNames.slug(model);
        List<Endpoint> endpoints = pods.stream()
                .filter(pod -> pod.versionSlug().equals(slug))
                .map(ReadyPod::endpoint)
                .distinct()
                .sorted(BY_ADDRESS)
                .toList();
        return new VersionEndpoints(role, model, slug, endpoints);
    }
}
