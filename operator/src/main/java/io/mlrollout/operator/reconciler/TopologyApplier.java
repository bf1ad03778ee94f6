package io.mlrollout.operator.reconciler;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mlrollout.api.v1alpha1.ModelDeployment;
import io.mlrollout.operator.resources.DesiredDeployment;
import io.mlrollout.operator.resources.DesiredService;
import io.mlrollout.operator.resources.Labels;
import io.mlrollout.operator.resources.ModelServerDefaults;
import io.mlrollout.operator.resources.ResourceApplier;
import io.mlrollout.api.v1alpha1.VersionNames;
import io.mlrollout.operator.rollout.Topology;
import io.mlrollout.operator.traffic.TrafficRouter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Converges the cluster to a topology: a Deployment and a Service per version, the routing, and
 * nothing else. Capacity first (versions that gain pods), then traffic, then versions that lose
 * pods, then removal: the routing never points at pods that are about to go.
 */
final class TopologyApplier {

    private final KubernetesClient client;
    private final ResourceApplier applier;
    private final ModelServerDefaults defaults;

    TopologyApplier(KubernetesClient client, ResourceApplier applier, ModelServerDefaults defaults) {
        this.client = client;
        this.applier = applier;
        this.defaults = defaults;
    }

    void apply(ModelDeployment md, Topology topology, TrafficRouter router) {
        Set<String> keep = new HashSet<>();
        List<Runnable> scaleDowns = new ArrayList<>();
        version(md, topology.stable(), Labels.ROLE_STABLE, keep, scaleDowns);
        version(md, topology.canary(), Labels.ROLE_CANARY, keep, scaleDowns);
        router.apply(md, topology);
        scaleDowns.forEach(Runnable::run);
        String namespace = md.getMetadata().getNamespace();
        removeOthers(client.apps().deployments().inNamespace(namespace)
                .withLabel(Labels.MODEL_DEPLOYMENT, md.getMetadata().getName()).list().getItems(), keep);
        removeOthers(client.services().inNamespace(namespace)
                .withLabel(Labels.MODEL_DEPLOYMENT, md.getMetadata().getName()).list().getItems(), keep);
    }

    /** Applies a version now, or after the routing when it loses pods: traffic leaves pods before they go. */
    private void version(ModelDeployment md, Topology.VersionPlan plan, String role, Set<String> keep, List<Runnable> scaleDowns) {
        if (plan == null) {
            return;
        }
        String name = VersionNames.objectName(md.getMetadata().getName(), plan.model());
        keep.add(VersionNames.slug(plan.model()));
        String namespace = md.getMetadata().getNamespace();
        applier.service(DesiredService.forVersion(md, plan.model(), role),
                client.services().inNamespace(namespace).withName(name).get());
        Deployment existing = client.apps().deployments().inNamespace(namespace).withName(name).get();
        Runnable deployment = () -> applier.deployment(DesiredDeployment.of(md, plan.model(), plan.replicas(), role, defaults),
                client.apps().deployments().inNamespace(namespace).withName(name).get());
        boolean losesPods = existing != null && existing.getSpec().getReplicas() != null
                && plan.replicas() < existing.getSpec().getReplicas();
        if (losesPods) {
            scaleDowns.add(deployment);
        } else {
            deployment.run();
        }
    }

    // Objects without a version label (the Service <md>) belong to the router, not to a version.
    private void removeOthers(List<? extends HasMetadata> objects, Set<String> keep) {
        for (HasMetadata object : objects) {
            String version = object.getMetadata().getLabels().get(Labels.VERSION);
            if (version != null && !keep.contains(version) && isOwned(object)) {
                client.resource(object).delete();
            }
        }
    }

    private static boolean isOwned(HasMetadata object) {
        return Labels.MANAGER.equals(object.getMetadata().getLabels().get(Labels.MANAGED_BY));
    }
}
