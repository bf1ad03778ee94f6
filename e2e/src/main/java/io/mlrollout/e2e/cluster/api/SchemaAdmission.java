package io.mlrollout.e2e.cluster.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.zjsonpatch.JsonPatch;
import io.mlrollout.api.schema.CrdSchemaValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Validates custom resources against their CRD's openAPIV3Schema and CEL rules on create, update
 * and patch, as a real API server does, so that a scenario cannot pass with YAML a cluster would
 * reject. The status subresource is not validated (the operator writes it through PUT /status).
 */
final class SchemaAdmission {

    /** Why a write is rejected: each violation as "path: message". */
    record Verdict(String kind, String name, List<String> violations) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Validator> byResource = new HashMap<>();

    private record Validator(String kind, CrdSchemaValidator schema) {
    }

    /** Reads every CRD file in {@code crdDirectory}. */
    SchemaAdmission(Path crdDirectory) {
        try (Stream<Path> files = Files.list(crdDirectory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                JsonNode crd = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(file.toFile());
                if (!"CustomResourceDefinition".equals(crd.path("kind").asText())) {
                    continue;
                }
                String key = crd.at("/spec/group").asText() + "/" + crd.at("/spec/names/plural").asText();
                byResource.put(key, new Validator(crd.at("/spec/names/kind").asText(), CrdSchemaValidator.forCrd(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read CRDs in " + crdDirectory, e);
        }
    }

    /**
     * @param current reads the stored object at a path (for patches), or null when there is none
     * @return violations when the write must be rejected; empty to let it through
     */
    Optional<Verdict> review(String method, ApiPath path, String contentType, String body, Function<String, JsonNode> current) {
        Validator validator = path.isResource() ? byResource.get(path.group() + "/" + path.plural()) : null;
        if (validator == null || path.subresource() != null || body == null || body.isBlank()) {
            return Optional.empty();
        }
        JsonNode result = switch (method) {
            case "POST", "PUT" -> read(body);
            case "PATCH" -> patched(path, contentType, body, current);
            default -> null;
        };
        if (result == null) {
            return Optional.empty();
        }
        // A real API server prunes null fields of a structural schema before validating (and the
        // mock keeps the nulls a merge patch stores), so a removed field must not read as "null found".
        List<String> violations = validator.schema().validate(withoutNulls(result));
        return violations.isEmpty() ? Optional.empty()
                : Optional.of(new Verdict(validator.kind(), result.path("metadata").path("name").asText(path.name()), violations));
    }

    private JsonNode patched(ApiPath path, String contentType, String body, Function<String, JsonNode> current) {
        JsonNode stored = current.apply(path.path());
        if (stored == null || contentType == null) {
            return null;
        }
        if (contentType.startsWith("application/merge-patch+json")) {
            return JsonMergePatch.apply(stored, read(body));
        }
        if (contentType.startsWith("application/json-patch+json")) {
            return JsonPatch.apply(read(body), stored);
        }
        return null;
    }

    static JsonNode withoutNulls(JsonNode node) {
        if (node.isObject()) {
            com.fasterxml.jackson.databind.node.ObjectNode copy = JSON.createObjectNode();
            node.fields().forEachRemaining(field -> {
                if (!field.getValue().isNull()) {
                    copy.set(field.getKey(), withoutNulls(field.getValue()));
                }
            });
            return copy;
        }
        if (node.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode copy = JSON.createArrayNode();
            node.forEach(element -> copy.add(withoutNulls(element)));
            return copy;
        }
        return node;
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /** The 422 Status body a real API server answers for an invalid object. */
    static ObjectNode invalidStatus(String group, Verdict verdict) {
        ObjectNode status = JSON.createObjectNode().put("kind", "Status").put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", "Failure").put("reason", "Invalid").put("code", 422);
        status.put("message", verdict.kind() + "." + group + " \"" + verdict.name() + "\" is invalid: "
                + String.join(", ", verdict.violations()));
        ObjectNode details = status.putObject("details").put("name", verdict.name()).put("group", group).put("kind", verdict.kind());
        var causes = details.putArray("causes");
        for (String violation : verdict.violations()) {
            int colon = violation.indexOf(": ");
            causes.addObject().put("reason", "FieldValueInvalid")
                    .put("message", colon > 0 ? violation.substring(colon + 2) : violation)
                    .put("field", colon > 0 ? violation.substring(0, colon) : "spec");
        }
        return status;
    }
}
