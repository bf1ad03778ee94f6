package io.mlrollout.e2e.cluster.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * Just enough OpenAPI v3 for kubectl to see that the server validates fields itself: each kind's
 * PATCH operation takes the {@code fieldValidation} query parameter. kubectl then sends
 * {@code fieldValidation=Strict} instead of downloading schemas to validate on the client, so
 * {@code kubectl apply} works without {@code --validate=false}. Schemas are not served
 * ({@code kubectl explain} does not work).
 */
final class OpenApiV3 {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String PREFIX = "/openapi/v3";

    private final ResourceCatalog catalog;

    OpenApiV3(ResourceCatalog catalog) {
        this.catalog = catalog;
    }

    Optional<ObjectNode> document(String path) {
        if (path.equals(PREFIX) || path.equals(PREFIX + "/")) {
            ObjectNode root = JSON.objectNode();
            ObjectNode paths = root.putObject("paths");
            for (ApiResource resource : catalog.all()) {
                String gv = apiRoot(resource);
                paths.putObject(gv).put("serverRelativeURL", PREFIX + "/" + gv);
            }
            return Optional.of(root);
        }
        if (!path.startsWith(PREFIX + "/")) {
            return Optional.empty();
        }
        String gv = path.substring(PREFIX.length() + 1);
        List<ApiResource> resources = catalog.all().stream().filter(r -> apiRoot(r).equals(gv)).toList();
        if (resources.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode doc = JSON.objectNode().put("openapi", "3.0.0");
        doc.putObject("info").put("title", "mlrollout simulated cluster").put("version", "v1.32.0");
        ObjectNode paths = doc.putObject("paths");
        resources.forEach(r -> paths.set("/" + gv + (r.namespaced() ? "/namespaces/{namespace}/" : "/") + r.plural() + "/{name}",
                patchOperation(r)));
        return Optional.of(doc);
    }

    private static ObjectNode patchOperation(ApiResource resource) {
        ObjectNode item = JSON.objectNode();
        ObjectNode patch = item.putObject("patch");
        patch.putObject("x-kubernetes-group-version-kind").put("group", resource.group()).put("version", resource.version())
                .put("kind", resource.kind());
        patch.putArray("parameters").addObject().put("name", "fieldValidation").put("in", "query")
                .putObject("schema").put("type", "string");
        patch.putObject("responses");
        return item;
    }

    private static String apiRoot(ApiResource resource) {
        return resource.group().isEmpty() ? "api/" + resource.version() : "apis/" + resource.group() + "/" + resource.version();
    }
}
