package io.mlrollout.e2e.cluster.node;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The garbage collector: deletes an object once every owner its ownerReferences name is gone
 * (background propagation: dependents of dependents go on later sweeps). Owners of kinds it does
 * not know are assumed alive, so it never deletes what it cannot check.
 */
final class GarbageCollector {

    private static final Logger LOG = LoggerFactory.getLogger(GarbageCollector.class);

    /** Kinds that own things in this cluster, by "apiVersion/Kind". */
    private static final Map<String, ResourceDefinitionContext> OWNERS = Map.of(
            "mlrollout.io/v1alpha1/ModelDeployment", context("mlrollout.io", "v1alpha1", "modeldeployments", "ModelDeployment"),
            "apps/v1/Deployment", context("apps", "v1", "deployments", "Deployment"),
            "apps/v1/ReplicaSet", context("apps", "v1", "replicasets", "ReplicaSet"));

    /** Kinds that can be owned. */
    private static final List<ResourceDefinitionContext> DEPENDENTS = List.of(
            context("apps", "v1", "deployments", "Deployment"),
            context("apps", "v1", "replicasets", "ReplicaSet"),
            context("", "v1", "pods", "Pod"),
            context("", "v1", "services", "Service"),
            context("", "v1", "configmaps", "ConfigMap"),
            context("gateway.networking.k8s.io", "v1", "httproutes", "HTTPRoute"));

    private final KubernetesClient client;

    GarbageCollector(KubernetesClient client) {
        this.client = client;
    }

    void sweep() {
        Set<String> liveOwners = new HashSet<>();
        OWNERS.values().forEach(kind -> list(kind).forEach(o -> liveOwners.add(o.getMetadata().getUid())));
        for (ResourceDefinitionContext kind : DEPENDENTS) {
            for (GenericKubernetesResource object : list(kind)) {
                if (orphaned(object, liveOwners)) {
                    LOG.debug("collecting {} {}/{}", kind.getKind(), object.getMetadata().getNamespace(), object.getMetadata().getName());
                    delete(kind, object);
                }
            }
        }
    }

    private static boolean orphaned(GenericKubernetesResource object, Set<String> liveOwners) {
        List<OwnerReference> owners = object.getMetadata().getOwnerReferences();
        if (owners == null || owners.isEmpty()) {
            return false;
        }
        for (OwnerReference owner : owners) {
            if (!OWNERS.containsKey(owner.getApiVersion() + "/" + owner.getKind()) || liveOwners.contains(owner.getUid())) {
                return false;
            }
        }
        return true;
    }

    private List<GenericKubernetesResource> list(ResourceDefinitionContext kind) {
        try {
            return client.genericKubernetesResources(kind).inAnyNamespace().list().getItems();
        } catch (KubernetesClientException e) {
            return List.of();
        }
    }

    private void delete(ResourceDefinitionContext kind, GenericKubernetesResource object) {
        try {
            client.genericKubernetesResources(kind).inNamespace(object.getMetadata().getNamespace())
                    .withName(object.getMetadata().getName()).delete();
        } catch (KubernetesClientException e) {
            LOG.debug("could not collect {}: {}", object.getMetadata().getName(), e.getMessage());
        }
    }

    private static ResourceDefinitionContext context(String group, String version, String plural, String kind) {
        return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withPlural(plural).withKind(kind)
                .withNamespaced(true).build();
    }
}
