package io.mlrollout.e2e.cluster.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The kinds the simulated cluster serves: the built-in ones the operator and kubectl use, and
 * every CustomResourceDefinition stored in it (read live, so a CRD applied later shows up too).
 */
final class ResourceCatalog {

    static final List<ApiResource> BUILT_IN = List.of(
            ApiResource.builtIn("", "v1", "pods", "Pod", true, "po"),
            ApiResource.builtIn("", "v1", "services", "Service", true, "svc"),
            ApiResource.builtIn("", "v1", "events", "Event", true, "ev"),
            ApiResource.builtIn("", "v1", "namespaces", "Namespace", false, "ns"),
            ApiResource.builtIn("", "v1", "configmaps", "ConfigMap", true, "cm"),
            ApiResource.builtIn("", "v1", "secrets", "Secret", true),
            ApiResource.builtIn("", "v1", "serviceaccounts", "ServiceAccount", true, "sa"),
            ApiResource.builtIn("apps", "v1", "deployments", "Deployment", true, "deploy"),
            ApiResource.builtIn("apps", "v1", "replicasets", "ReplicaSet", true, "rs"),
            ApiResource.builtIn("coordination.k8s.io", "v1", "leases", "Lease", true),
            ApiResource.builtIn("apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition", false,
                    "crd", "crds"));

    private final Supplier<List<JsonNode>> storedCrds;

    ResourceCatalog(Supplier<List<JsonNode>> storedCrds) {
        this.storedCrds = storedCrds;
    }

    List<ApiResource> all() {
        List<ApiResource> all = new ArrayList<>(BUILT_IN);
        for (JsonNode crd : storedCrds.get()) {
            all.add(ApiResource.fromCrd(crd));
        }
        return all;
    }

    Optional<ApiResource> find(String group, String plural) {
        return all().stream().filter(r -> r.group().equals(group) && r.plural().equals(plural)).findFirst();
    }
}
