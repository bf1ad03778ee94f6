package io.mlrollout.operator.traffic;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRefBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mlrollout.api.v1alpha1.GatewayParentRef;
import io.mlrollout.api.v1alpha1.ModelDeployment;
import io.mlrollout.api.v1alpha1.ModelRef;
import io.mlrollout.operator.resources.DesiredService;
import io.mlrollout.operator.resources.Labels;
import io.mlrollout.operator.resources.Owner;
import io.mlrollout.operator.resources.ResourceApplier;
import io.mlrollout.operator.resources.SpecHash;
import io.mlrollout.api.v1alpha1.VersionNames;
import io.mlrollout.operator.rollout.Topology;
import io.mlrollout.operator.rollout.VersionObservation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Routes with a Gateway API HTTPRoute {@code <md>}: weighted backendRefs to the per-version
 * Services give exact weights, independent of pod counts.
 */
public final class GatewayApiRouter implements TrafficRouter {

    private final KubernetesClient client;
    private final ResourceApplier applier;

    public GatewayApiRouter(KubernetesClient client, ResourceApplier applier) {
        this.client = client;
        this.applier = applier;
    }

    @Override
    public boolean weightsByReplicas() {
        return false;
    }

    @Override
    public void apply(ModelDeployment md, Topology topology) {
        List<HTTPBackendRef> backends = new ArrayList<>();
        boolean hasCanary = topology.canary() != null;
        backends.add(backend(md, topology.stable().model(), hasCanary ? 100 - topology.canaryWeight() : 100));
        if (hasCanary) {
            backends.add(backend(md, topology.canary().model(), topology.canaryWeight()));
        }
        HTTPRoute route = new HTTPRouteBuilder()
                .withNewMetadata()
                    .withName(md.getMetadata().getName())
                    .withNamespace(md.getMetadata().getNamespace())
                    .withLabels(Owner.labels(md, null, null))
                    .withOwnerReferences(Owner.reference(md))
                .endMetadata()
                .withNewSpec()
                    .withParentRefs(parents(md))
                    .addNewRule().withBackendRefs(backends).endRule()
                .endSpec()
                .build();
        route.getMetadata().setAnnotations(new HashMap<>(Map.of(Labels.SPEC_HASH_ANNOTATION, SpecHash.of(route.getSpec()))));
        applier.generic(route, current(md), (updated, wanted) -> updated.setSpec(wanted.getSpec()));
    }

    @Override
    public int effectiveWeight(ModelDeployment md, ModelRef canaryModel, VersionObservation stable, VersionObservation canary) {
        HTTPRoute route = current(md);
        if (route == null || canaryModel == null || route.getSpec().getRules().isEmpty()) {
            return 0;
        }
        String canaryService = VersionNames.objectName(md.getMetadata().getName(), canaryModel);
        int total = 0;
        int toCanary = 0;
        for (HTTPBackendRef ref : route.getSpec().getRules().get(0).getBackendRefs()) {
            int weight = ref.getWeight() == null ? 1 : ref.getWeight();
            total += weight;
            toCanary += canaryService.equals(ref.getName()) ? weight : 0;
        }
        return total == 0 ? 0 : Math.round(100f * toCanary / total);
    }

    private static HTTPBackendRef backend(ModelDeployment md, ModelRef model, int weight) {
        return new HTTPBackendRefBuilder()
                .withName(VersionNames.objectName(md.getMetadata().getName(), model))
                .withPort(DesiredService.SERVICE_PORT)
                .withWeight(weight)
                .build();
    }

    private static List<ParentReference> parents(ModelDeployment md) {
        List<ParentReference> parents = new ArrayList<>();
        for (GatewayParentRef ref : md.getSpec().getTraffic().getParentRefs()) {
            parents.add(new ParentReferenceBuilder().withName(ref.getName()).withNamespace(ref.getNamespace())
                    .withSectionName(ref.getSectionName()).build());
        }
        return parents;
    }

    private HTTPRoute current(ModelDeployment md) {
        return client.resources(HTTPRoute.class).inNamespace(md.getMetadata().getNamespace())
                .withName(md.getMetadata().getName()).get();
    }
}
