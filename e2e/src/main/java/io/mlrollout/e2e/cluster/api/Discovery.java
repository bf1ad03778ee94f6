package io.mlrollout.e2e.cluster.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The discovery documents kubectl reads before anything else ({@code /api}, {@code /apis},
 * {@code /apis/<group>/<version>}), which the mock API server does not serve.
 */
final class Discovery {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ResourceCatalog catalog;
    private final String serverAddress;

    Discovery(ResourceCatalog catalog, String serverAddress) {
        this.catalog = catalog;
        this.serverAddress = serverAddress;
    }

    /** The document at {@code path}, or empty when the path is not a discovery path. */
    Optional<ObjectNode> document(String path) {
        String trimmed = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        if (trimmed.equals("/api")) {
            ObjectNode versions = JSON.objectNode().put("kind", "APIVersions");
            versions.putArray("versions").add("v1");
            versions.putArray("serverAddressByClientCIDRs").addObject().put("clientCIDR", "0.0.0.0/0").put("serverAddress", serverAddress);
            return Optional.of(versions);
        }
        if (trimmed.equals("/apis")) {
            return Optional.of(groupList());
        }
        Map<String, List<ApiResource>> byGroupVersion = byGroupVersion();
        String groupVersion = trimmed.startsWith("/api/") ? trimmed.substring("/api/".length())
                : trimmed.startsWith("/apis/") ? trimmed.substring("/apis/".length()) : null;
        if (groupVersion == null || !byGroupVersion.containsKey(groupVersion)) {
            return Optional.empty();
        }
        ObjectNode list = JSON.objectNode().put("kind", "APIResourceList").put("apiVersion", "v1").put("groupVersion", groupVersion);
        ArrayNode resources = list.putArray("resources");
        byGroupVersion.get(groupVersion).forEach(r -> r.discoveryEntries().forEach(resources::add));
        return Optional.of(list);
    }

    private ObjectNode groupList() {
        ObjectNode list = JSON.objectNode().put("kind", "APIGroupList").put("apiVersion", "v1");
        ArrayNode groups = list.putArray("groups");
        Map<String, String> versionByGroup = new LinkedHashMap<>();
        catalog.all().stream().filter(r -> !r.group().isEmpty()).forEach(r -> versionByGroup.putIfAbsent(r.group(), r.version()));
        versionByGroup.forEach((group, version) -> {
            ObjectNode entry = groups.addObject().put("name", group);
            ObjectNode preferred = JSON.objectNode().put("groupVersion", group + "/" + version).put("version", version);
            entry.putArray("versions").add(preferred.deepCopy());
            entry.set("preferredVersion", preferred);
        });
        return list;
    }

    private Map<String, List<ApiResource>> byGroupVersion() {
        Map<String, List<ApiResource>> result = new LinkedHashMap<>();
        for (ApiResource resource : catalog.all()) {
            result.computeIfAbsent(resource.groupVersion(), k -> new java.util.ArrayList<>()).add(resource);
        }
        return result;
    }
}
