package io.mlrollout.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of the operator's api-access.yaml: the single list of Kubernetes API calls the operator
 * makes. {@code optionalComponent} names the manifests/components folder that grants it, or is null
 * when the base must.
 */
record ApiCall(String apiGroup, String resource, List<String> verbs, String optionalComponent) {

    static List<ApiCall> read(Path file) {
        List<JsonNode> documents = Yaml.readAll(file);
        if (documents.size() != 1 || !documents.get(0).isArray()) {
            throw new IllegalStateException(file + ": expected one YAML list of API calls");
        }
        List<ApiCall> calls = new ArrayList<>();
        for (JsonNode entry : documents.get(0)) {
            List<String> verbs = new ArrayList<>();
            entry.path("verbs").forEach(verb -> verbs.add(verb.asText()));
            if (!entry.has("apiGroup") || !entry.has("resource") || verbs.isEmpty()) {
                throw new IllegalStateException(file + ": entry without apiGroup, resource or verbs: " + entry);
            }
            JsonNode component = entry.path("optionalComponent");
            calls.add(new ApiCall(entry.path("apiGroup").asText(), entry.path("resource").asText(), List.copyOf(verbs),
                    component.isMissingNode() || component.isNull() ? null : component.asText()));
        }
        return calls;
    }

    List<Permission> permissions() {
        return verbs.stream().map(verb -> new Permission(apiGroup, resource, verb)).toList();
    }

    /** One verb on one resource of one API group. */
    record Permission(String apiGroup, String resource, String verb) {
        String groupResource() {
            return apiGroup.isEmpty() ? resource : apiGroup + "/" + resource;
        }

        @Override
        public String toString() {
            return verb + " " + (apiGroup.isEmpty() ? "core" : apiGroup) + "/" + resource;
        }
    }
}
