package io.mlrollout.api.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates a custom resource against the openAPIV3Schema of its checked-in CRD, the way the API
 * server would: the structural schema (types, required, enums, patterns, ranges), unknown fields
 * as kubectl's strict field validation reports them, and the CEL rules.
 */
public final class CrdSchemaValidator {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode specSchema;
    private final JsonSchema jsonSchema;
    private final CelRules cel = new CelRules();

    private CrdSchemaValidator(JsonNode openApiSchema) {
        this.specSchema = openApiSchema.path("properties").path("spec");
        ObjectNode closed = specSchema.deepCopy();
        closeObjects(closed);
        this.jsonSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(closed);
    }

    /** Reads {@code crdFile} (a CustomResourceDefinition) and validates against its first version. */
    public static CrdSchemaValidator forCrd(Path crdFile) throws IOException {
        JsonNode crd = YAML.readTree(Files.readString(crdFile));
        return new CrdSchemaValidator(crd.at("/spec/versions/0/schema/openAPIV3Schema"));
    }

    /** Every violation in {@code resource.spec}, each as "path: message"; empty when it is valid. */
    public List<String> validate(JsonNode resource) {
        JsonNode spec = resource.path("spec");
        List<String> violations = new ArrayList<>();
        for (ValidationMessage message : jsonSchema.validate(spec)) {
            violations.add(message.getMessage().replaceFirst("^\\$", "spec"));
        }
        if (violations.isEmpty()) {
            checkRules(specSchema, spec, "spec", violations);
        }
        return violations;
    }

    private void checkRules(JsonNode schema, JsonNode value, String path, List<String> violations) {
        for (JsonNode rule : schema.path("x-kubernetes-validations")) {
            if (!cel.holds(rule.path("rule").asText(), toCel(value))) {
                violations.add(path + ": " + rule.path("message").asText());
            }
        }
        if (value.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode fieldSchema = schema.path("properties").path(field.getKey());
                if (!fieldSchema.isMissingNode()) {
                    checkRules(fieldSchema, field.getValue(), path + "." + field.getKey(), violations);
                }
            }
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                checkRules(schema.path("items"), value.get(i), path + "[" + i + "]", violations);
            }
        }
    }

    /** CEL sees JSON integers as int (Long), other numbers as double, objects as maps. */
    private static Object toCel(JsonNode value) {
        if (value.isIntegralNumber()) {
            return value.asLong();
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        if (value.isObject() || value.isArray()) {
            return normalise(JSON.convertValue(value, Object.class));
        }
        return value.isNull() ? null : value.asText();
    }

    @SuppressWarnings("unchecked")
    private static Object normalise(Object value) {
        if (value instanceof Integer i) {
            return i.longValue();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> copy.put(k, normalise(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(CrdSchemaValidator::normalise).toList();
        }
        return value;
    }

    /** Kubernetes prunes unknown fields, and kubectl's strict validation rejects them: close every object. */
    private static void closeObjects(JsonNode schema) {
        if (schema instanceof ObjectNode node) {
            if (node.has("properties") && !node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)
                    && !node.has("additionalProperties")) {
                node.put("additionalProperties", false);
            }
            node.forEach(CrdSchemaValidator::closeObjects);
        } else if (schema != null && schema.isArray()) {
            schema.forEach(CrdSchemaValidator::closeObjects);
        }
    }
}
