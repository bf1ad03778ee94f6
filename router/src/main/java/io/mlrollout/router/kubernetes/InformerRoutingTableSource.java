package io.mlrollout.router.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.mlrollout.api.v1alpha1.ModelDeployment;
import io.mlrollout.api.v1alpha1.VersionLabels;
import io.mlrollout.router.routing.ReadyPod;
import io.mlrollout.router.routing.RoutingTable;
import io.mlrollout.router.routing.PublishedTable;
import io.mlrollout.router.routing.RoutingTables;
import io.mlrollout.router.routing.TrafficIntent;
import io.mlrollout.router.routing.TrafficIntents;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The routing table from two informers in one namespace: the ModelDeployment (by name) and its pods
 * (by the {@code mlrollout.io/model-deployment} label). Every event recomputes the whole table from
 * both caches, so the table follows the operator as fast as the watches deliver, with no DNS and no
 * Service in between. It only reads (get, list, watch).
 */
public final class InformerRoutingTableSource extends PublishedTable implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(InformerRoutingTableSource.class);

    private final String namespace;
    private final String name;
    private final SharedIndexInformer<ModelDeployment> modelDeployments;
    private final SharedIndexInformer<Pod> pods;

    public InformerRoutingTableSource(KubernetesClient client, String namespace, String name) {
        super("the router has not yet read ModelDeployment " + namespace + "/" + name);
        this.namespace = namespace;
        this.name = name;
        this.modelDeployments = client.resources(ModelDeployment.class).inNamespace(namespace).withName(name).runnableInformer(0);
        this.pods = client.pods().inNamespace(namespace).withLabel(VersionLabels.MODEL_DEPLOYMENT, name).runnableInformer(0);
        for (SharedIndexInformer<?> informer : List.of(modelDeployments, pods)) {
            // Keep retrying after any error (an API server away, a missing RBAC grant): the router stays
            // not ready meanwhile, and the log says why.
            informer.exceptionHandler((started, error) -> {
                LOG.warnf("watching %s/%s: %s; retrying", namespace, name, error.toString());
                return true;
            });
        }
        modelDeployments.addEventHandler(new Recompute<>());
        pods.addEventHandler(new Recompute<>());
    }

    /** Starts both watches without waiting for them: the first table appears once both have listed. */
    public InformerRoutingTableSource start() {
        modelDeployments.start().thenRun(this::recompute);
        pods.start().thenRun(this::recompute);
        return this;
    }

    @Override
    public void close() {
        modelDeployments.close();
        pods.close();
    }

    private synchronized void recompute() {
        if (!modelDeployments.hasSynced() || !pods.hasSynced()) {
            return;
        }
        Optional<ModelDeployment> md = modelDeployments.getStore().list().stream()
                .filter(candidate -> name.equals(candidate.getMetadata().getName())).findFirst();
        Optional<TrafficIntent> intent = md.flatMap(found -> TrafficIntents.fromStatus(found.getStatus()));
        RoutingTable next;
        if (md.isEmpty()) {
            next = RoutingTable.unavailable("ModelDeployment " + namespace + "/" + name + " does not exist");
        } else {
            List<ReadyPod> ready = pods.getStore().list().stream().flatMap(pod -> ReadyPods.of(pod).stream()).toList();
            next = intent.map(i -> RoutingTables.compute(i, ready)).orElseGet(() -> RoutingTable.unavailable(
                    "ModelDeployment " + namespace + "/" + name + " has no stable version in its status yet"));
        }
        if (!next.equals(current())) {
            LOG.infof("routing table: %s", RoutingTableDescription.of(next));
        }
        publish(next, intent.isPresent());
    }

    /** Any change to either cache recomputes the table. */
    private final class Recompute<T> implements ResourceEventHandler<T> {
        @Override
        public void onAdd(T object) {
            recompute();
        }

        @Override
        public void onUpdate(T before, T after) {
            recompute();
        }

        @Override
        public void onDelete(T object, boolean finalStateUnknown) {
            recompute();
        }
    }
}
