package io.mlrollout.e2e.traffic;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.mlrollout.e2e.cluster.PodNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The data plane's view of one namespace, as kube-proxy and a gateway keep it: Services, Ready
 * pods and HTTPRoutes, refreshed in the background every {@code refreshMillis}. Like endpoints in a
 * cluster it lags the API by up to one refresh.
 */
public final class ClusterEndpoints implements AutoCloseable {

    /** One consistent view. */
    public record Snapshot(Map<String, Service> services, List<Pod> readyPods, Map<String, HTTPRoute> routes) {
        static final Snapshot EMPTY = new Snapshot(Map.of(), List.of(), Map.of());
    }

    private final KubernetesClient client;
    private final PodNetwork network;
    private final String namespace;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "endpoints-refresh");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Snapshot snapshot = Snapshot.EMPTY;

    public ClusterEndpoints(KubernetesClient client, PodNetwork network, String namespace, long refreshMillis) {
        this.client = client;
        this.network = network;
        this.namespace = namespace;
        refresh();
        refresher.scheduleWithFixedDelay(this::refresh, refreshMillis, refreshMillis, TimeUnit.MILLISECONDS);
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    /** The Ready pods behind a Service port, as this JVM reaches them. */
    public List<Backend> endpoints(Snapshot view, String serviceName, int servicePort) {
        Service service = view.services().get(serviceName);
        if (service == null || service.getSpec().getSelector() == null || service.getSpec().getSelector().isEmpty()) {
            return List.of();
        }
        Optional<ServicePort> port = service.getSpec().getPorts().stream()
                .filter(p -> servicePort <= 0 || p.getPort() == servicePort).findFirst();
        if (port.isEmpty()) {
            return List.of();
        }
        List<Backend> backends = new ArrayList<>();
        for (Pod pod : view.readyPods()) {
            if (pod.getMetadata().getLabels().entrySet().containsAll(service.getSpec().getSelector().entrySet())) {
                containerPort(pod, port.get().getTargetPort()).ifPresent(p -> backends.add(backend(pod, p)));
            }
        }
        return backends;
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }

    private void refresh() {
        try {
            Map<String, Service> services = client.services().inNamespace(namespace).list().getItems().stream()
                    .collect(Collectors.toMap(s -> s.getMetadata().getName(), s -> s));
            List<Pod> ready = client.pods().inNamespace(namespace).list().getItems().stream()
                    .filter(ClusterEndpoints::isReadyWithAddress).toList();
            snapshot = new Snapshot(services, ready, routes());
        } catch (KubernetesClientException e) {
            // Keep the last view, as kube-proxy does when it loses the API server for a moment.
        }
    }

    /** The namespace's HTTPRoutes; none where the cluster has no Gateway API. */
    private Map<String, HTTPRoute> routes() {
        try {
            return client.resources(HTTPRoute.class).inNamespace(namespace).list().getItems().stream()
                    .collect(Collectors.toMap(r -> r.getMetadata().getName(), r -> r));
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return Map.of();
            }
            throw e;
        }
    }

    private Backend backend(Pod pod, int port) {
        String version = pod.getSpec().getContainers().get(0).getEnv() == null ? null
                : pod.getSpec().getContainers().get(0).getEnv().stream().filter(e -> "MODEL_VERSION".equals(e.getName()))
                        .map(EnvVar::getValue).findFirst().orElse(null);
        return new Backend(pod.getMetadata().getName(), version, network.baseUri(pod, port));
    }

    private static Optional<Integer> containerPort(Pod pod, IntOrString target) {
        if (target == null) {
            return Optional.empty();
        }
        if (target.getIntVal() != null) {
            return Optional.of(target.getIntVal());
        }
        return pod.getSpec().getContainers().stream().flatMap(c -> c.getPorts().stream())
                .filter(p -> target.getStrVal().equals(p.getName())).map(p -> p.getContainerPort()).findFirst();
    }

    private static boolean isReadyWithAddress(Pod pod) {
        if (pod.getMetadata().getDeletionTimestamp() != null || pod.getStatus() == null || pod.getStatus().getPodIP() == null
                || pod.getStatus().getConditions() == null) {
            return false;
        }
        return pod.getStatus().getConditions().stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }
}
