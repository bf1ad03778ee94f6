package io.mlrollout.e2e.traffic;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A Gateway API gateway for the HTTPRoute {@code <md>}: picks a backendRef of its first rule with
 * probability weight / sum of weights, then a random Ready endpoint of that Service. A backend
 * with no Ready endpoint fails the request, as a gateway answers 5xx for it.
 */
public final class HttpRouteRouting implements Routing {

    private final ClusterEndpoints endpoints;
    private final String route;

    public HttpRouteRouting(ClusterEndpoints endpoints, String route) {
        this.endpoints = endpoints;
        this.route = route;
    }

    @Override
    public Optional<Backend> pick() {
        ClusterEndpoints.Snapshot view = endpoints.snapshot();
        HTTPRoute httpRoute = view.routes().get(route);
        if (httpRoute == null || httpRoute.getSpec().getRules() == null || httpRoute.getSpec().getRules().isEmpty()) {
            return Optional.empty();
        }
        List<HTTPBackendRef> refs = httpRoute.getSpec().getRules().get(0).getBackendRefs();
        int total = refs.stream().mapToInt(HttpRouteRouting::weight).sum();
        if (total <= 0) {
            return Optional.empty();
        }
        int ticket = ThreadLocalRandom.current().nextInt(total);
        for (HTTPBackendRef ref : refs) {
            ticket -= weight(ref);
            if (ticket < 0) {
                List<Backend> ready = endpoints.endpoints(view, ref.getName(), ref.getPort() == null ? 0 : ref.getPort());
                return ready.isEmpty() ? Optional.empty() : Optional.of(ready.get(ThreadLocalRandom.current().nextInt(ready.size())));
            }
        }
        return Optional.empty();
    }

    /** Gateway API's default weight is 1. */
    private static int weight(HTTPBackendRef ref) {
        return ref.getWeight() == null ? 1 : ref.getWeight();
    }
}
