package io.mlrollout.operator.traffic;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mlrollout.api.v1alpha1.ModelDeployment;
import io.mlrollout.api.v1alpha1.ModelRef;
import io.mlrollout.operator.resources.DesiredService;
import io.mlrollout.operator.resources.Labels;
import io.mlrollout.operator.resources.ResourceApplier;
import io.mlrollout.api.v1alpha1.VersionNames;
import io.mlrollout.operator.rollout.ReplicaSplit;
import io.mlrollout.operator.rollout.Topology;
import io.mlrollout.operator.rollout.VersionObservation;
import java.util.HashMap;
import java.util.Map;

/**
 * Routes with the Service {@code <md>} alone, which needs nothing installed. At weight 0 or 100 it
 * selects the pods of one version; in between it selects the pods of both, and the weight is the
 * canary's share of Ready pods. Changing a selector takes effect at once, so a rollback cuts the
 * canary off without waiting for pods to stop.
 */
public final class ServiceRouter implements TrafficRouter {

    private final KubernetesClient client;
    private final ResourceApplier applier;

    public ServiceRouter(KubernetesClient client, ResourceApplier applier) {
        this.client = client;
        this.applier = applier;
    }

    @Override
    public boolean weightsByReplicas() {
        return true;
    }

    @Override
    public void apply(ModelDeployment md, Topology topology) {
        Map<String, String> selector = new HashMap<>();
        selector.put(Labels.MODEL_DEPLOYMENT, md.getMetadata().getName());
        if (topology.canary() == null || topology.canaryWeight() == 0) {
            selector.put(Labels.VERSION, VersionNames.slug(topology.stable().model()));
        } else if (topology.canaryWeight() == 100) {
            selector.put(Labels.VERSION, VersionNames.slug(topology.canary().model()));
        }
        applier.service(DesiredService.forModel(md, selector), current(md));
    }

    @Override
    public int effectiveWeight(ModelDeployment md, ModelRef canaryModel, VersionObservation stable, VersionObservation canary) {
        Service service = current(md);
        if (service == null || canaryModel == null || !canary.exists()) {
            return 0;
        }
        String version = service.getSpec().getSelector().get(Labels.VERSION);
        if (version == null) {
            return ReplicaSplit.weightOf(stable.readyReplicas(), canary.readyReplicas());
        }
        return version.equals(VersionNames.slug(canaryModel)) ? 100 : 0;
    }

    private Service current(ModelDeployment md) {
        return client.services().inNamespace(md.getMetadata().getNamespace()).withName(md.getMetadata().getName()).get();
    }
}
