package io.mlrollout.operator.reconciler;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mlrollout.api.v1alpha1.ModelDeployment;
import io.mlrollout.api.v1alpha1.ModelDeploymentStatus;
import io.mlrollout.api.v1alpha1.ModelRef;
import io.mlrollout.api.v1alpha1.Phase;
import io.mlrollout.operator.resources.Labels;
import io.mlrollout.api.v1alpha1.VersionNames;
import io.mlrollout.operator.rollout.Observation;
import io.mlrollout.operator.rollout.VersionObservation;
import io.mlrollout.operator.traffic.TrafficRouter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builds the one snapshot of the cluster a reconcile decides on. */
final class ClusterObserver {

    private final KubernetesClient client;
    private final ModelServerReadiness readiness = new ModelServerReadiness();

    ClusterObserver(KubernetesClient client) {
        this.client = client;
    }

    Observation observe(ModelDeployment md, Set<Deployment> owned, TrafficRouter router) {
        ModelDeploymentStatus status = md.getStatus() == null ? new ModelDeploymentStatus() : md.getStatus();
        Map<String, Deployment> byName = owned.stream()
                .collect(Collectors.toMap(d -> d.getMetadata().getName(), Function.identity(), (a, b) -> a));
        Map<ModelRef, VersionObservation> versions = new HashMap<>();
        ModelRef desired = ModelRef.of(md.getSpec().getModel());
        boolean firstVersion = status.getStable() == null || status.getPhase() == Phase.Initializing
                || status.getPhase() == Phase.Failed;
        for (ModelRef model : new ModelRef[] {status.getStable(), status.getCanary(), desired}) {
            if (model != null && !versions.containsKey(model)) {
                boolean underTest = model.equals(status.getCanary()) || (firstVersion && model.equals(desired));
                versions.put(model, observe(md, byName.get(VersionNames.objectName(md.getMetadata().getName(), model)), model, underTest));
            }
        }
        int weight = router.effectiveWeight(md, status.getCanary(), versions.getOrDefault(status.getStable(), VersionObservation.missing()),
                versions.getOrDefault(status.getCanary(), VersionObservation.missing()));
        return Observation.of(versions, weight);
    }

    private VersionObservation observe(ModelDeployment md, Deployment deployment, ModelRef model, boolean diagnose) {
        if (deployment == null) {
            return VersionObservation.missing();
        }
        int replicas = deployment.getSpec().getReplicas() == null ? 1 : deployment.getSpec().getReplicas();
        int ready = deployment.getStatus() == null || deployment.getStatus().getReadyReplicas() == null ? 0
                : deployment.getStatus().getReadyReplicas();
        VersionObservation pods = VersionObservation.of(replicas, ready);
        if (diagnose && ready < replicas) {
            List<Pod> found = client.pods().inNamespace(md.getMetadata().getNamespace())
                    .withLabel(Labels.MODEL_DEPLOYMENT, md.getMetadata().getName())
                    .withLabel(Labels.VERSION, VersionNames.slug(model))
                    .list().getItems();
            VersionObservation diagnosed = PodDiagnosis.failure(found).map(pods::failing).orElse(pods);
            return readiness.reason(found).map(diagnosed::notReadyBecause).orElse(diagnosed);
        }
        return pods;
    }
}
