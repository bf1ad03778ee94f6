package io.mlrollout.e2e.traffic;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** kube-proxy for the Service {@code <md>}: a random Ready endpoint of its selector (the service router's way). */
public final class ServiceRouting implements Routing {

    private final ClusterEndpoints endpoints;
    private final String service;

    public ServiceRouting(ClusterEndpoints endpoints, String service) {
        this.endpoints = endpoints;
        this.service = service;
    }

    @Override
    public Optional<Backend> pick() {
        List<Backend> ready = endpoints.endpoints(endpoints.snapshot(), service, 0);
        return ready.isEmpty() ? Optional.empty() : Optional.of(ready.get(ThreadLocalRandom.current().nextInt(ready.size())));
    }
}
