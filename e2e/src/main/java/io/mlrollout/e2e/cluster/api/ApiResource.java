package io.mlrollout.e2e.cluster.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One kind of resource the simulated API server serves, as discovery describes it.
 *
 * @param printerColumns the CRD's additionalPrinterColumns, or null for a built-in kind
 */
record ApiResource(String group, String version, String plural, String singular, String kind, boolean namespaced,
                   List<String> shortNames, boolean hasStatus, JsonNode printerColumns) {

    static ApiResource builtIn(String group, String version, String plural, String kind, boolean namespaced, String... shortNames) {
        return new ApiResource(group, version, plural, kind.toLowerCase(), kind, namespaced, List.of(shortNames), true, null);
    }

    /** From a CustomResourceDefinition as stored: its first served version. */
    static ApiResource fromCrd(JsonNode crd) {
        JsonNode spec = crd.path("spec");
        JsonNode names = spec.path("names");
        JsonNode version = spec.path("versions").path(0);
        List<String> shortNames = new ArrayList<>();
        names.path("shortNames").forEach(n -> shortNames.add(n.asText()));
        return new ApiResource(spec.path("group").asText(), version.path("name").asText(), names.path("plural").asText(),
                names.path("singular").asText(names.path("kind").asText().toLowerCase()), names.path("kind").asText(),
                !"Cluster".equals(spec.path("scope").asText()), shortNames,
                version.path("subresources").has("status"), version.path("additionalPrinterColumns"));
    }

    String groupVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** The entries of an APIResourceList: the resource and, where it has one, its status subresource. */
    List<ObjectNode> discoveryEntries() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode main = json.objectNode().put("name", plural).put("singularName", singular).put("namespaced", namespaced)
                .put("kind", kind);
        var verbs = main.putArray("verbs");
        List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch").forEach(verbs::add);
        var shorts = main.putArray("shortNames");
        shortNames.forEach(shorts::add);
        if (printerColumns == null && !group.equals("coordination.k8s.io")) {
            main.putArray("categories").add("all");
        }
        List<ObjectNode> entries = new ArrayList<>(List.of(main));
        if (hasStatus) {
            ObjectNode status = json.objectNode().put("name", plural + "/status").put("singularName", "").put("namespaced", namespaced)
                    .put("kind", kind);
            status.putArray("verbs").add("get").add("patch").add("update");
            entries.add(status);
        }
        return entries;
    }
}
