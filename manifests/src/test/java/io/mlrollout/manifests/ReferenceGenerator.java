package io.mlrollout.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes docs/reference.md from the CRDs: every field of spec and status with its type, unit, default
 * and validation. The CRDs are generated from the Java types, whose field descriptions carry the
 * defaults ("Default 30s.", "Default: ...", "x (default, ...)", "Unset: ..."), so the reference cannot
 * drift from the types.
 */
final class ReferenceGenerator {

    static final String DURATION_PATTERN = "^([0-9]+(ms|s|m|h))+$";

    private static final Pattern DEFAULT_SENTENCE = Pattern.compile("\\b(?:Default:?|Unset:) (.+?)\\.(?=\\s|$)");
    private static final Pattern DEFAULT_ALTERNATIVE = Pattern.compile("(\\S+) \\(default[,:)]");
    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9.\\-]+");

    private ReferenceGenerator() {
    }

    /** The whole page, for the CRD files given in the order they should appear. */
    static String generate(List<Path> crdFiles) {
        StringBuilder md = new StringBuilder();
        md.append("""
                # API reference

                <!-- Generated from crds/*.yaml by manifests/src/test/java/io/mlrollout/manifests/ReferenceGenerator.java; \
                do not edit. The field descriptions live in the Java types (crds/src/main/java/io/mlrollout/api/v1alpha1). \
                After changing them, regenerate the CRDs (./mvnw -pl crds verify -Dcrds.update=true) and this page \
                (./mvnw -pl manifests verify -Dreference.update=true). -->

                Every field of the mlrollout resources, as the API server validates them. Both are namespaced
                resources of API group `mlrollout.io`, version `v1alpha1`.

                How to read the tables:

                - **Default** is what applies when the field is unset; "the operator's ..." means a setting of the
                  operator's Deployment (see [install.md](install.md)).
                - **Unit**: a *duration* is one or more numbers with a unit `ms`, `s`, `m` or `h`, as in `500ms`, `30s`,
                  `5m` or `1h30m`; weights are percent of the traffic; a *quantity* is a Kubernetes resource quantity
                  such as `500m` or `256Mi`.
                - **Validation** is enforced by the API server when you apply: a violating object is rejected with the
                  message shown after "rule:". What a schema cannot check the operator reports as the condition
                  `Degraded=True`, reason `InvalidSpec` (see [runbook.md](runbook.md)).
                - `status` is written by the operator only.

                """);
        List<JsonNode> crds = crdFiles.stream().map(Yaml::readOne).toList();
        for (JsonNode crd : crds) {
            String kind = crd.at("/spec/names/kind").asText();
            md.append("- [").append(kind).append("](#").append(kind.toLowerCase()).append(")");
            JsonNode shortNames = crd.at("/spec/names/shortNames");
            if (!shortNames.isEmpty()) {
                md.append(", short name `").append(shortNames.get(0).asText()).append('`');
            }
            md.append('\n');
        }
        md.append("- [Built-in metrics](#built-in-metrics)\n\n");
        for (JsonNode crd : crds) {
            resource(crd, md);
        }
        md.append("""
                ## Built-in metrics

                The `name` of a RolloutPolicy metric without a `prometheus` query is one of these, measured by the
                operator from the model-server pods' own `/q/metrics`, for the canary and for the stable version over
                each analysis interval. `max`, `min` and `tolerance` are in the metric's unit; `maxRelativeToStable` is
                a factor.

                | Metric | Unit | What it measures |
                |---|---|---|
                | `error-rate` | ratio, 0 to 1 | share of requests the server failed: server errors, requests refused as overload (`rejected`) and requests not answered within the server's timeout (`timeout`); all three are failures a user saw |
                | `overload-rate` | ratio, 0 to 1 | the overload part of `error-rate` alone (`rejected` and `timeout`): a version too slow for its share of the load, as opposed to a broken one |
                | `client-error-rate` | ratio, 0 to 1 | share of requests rejected as bad input (e.g. a model whose input schema changed) |
                | `latency-p50` | seconds | median request latency, read as the upper bound of the histogram bucket holding it (never lower than the truth) |
                | `latency-p95` | seconds | 95th percentile latency |
                | `latency-p99` | seconds | 99th percentile latency |
                | `request-rate` | requests per second | requests served |

                An interval with fewer canary requests than `analysis.minSampleSize` makes the check inconclusive:
                never a pass, never a step forward.
                """);
        return md.toString();
    }

    private static void resource(JsonNode crd, StringBuilder md) {
        String kind = crd.at("/spec/names/kind").asText();
        JsonNode version = crd.at("/spec/versions/0");
        JsonNode schema = version.at("/schema/openAPIV3Schema");
        md.append("## ").append(kind).append("\n\n");
        md.append("`apiVersion: ").append(crd.at("/spec/group").asText()).append('/').append(version.path("name").asText())
                .append("`, `kind: ").append(kind).append("`, plural `").append(crd.at("/spec/names/plural").asText())
                .append('`');
        JsonNode shortNames = crd.at("/spec/names/shortNames");
        if (!shortNames.isEmpty()) {
            md.append(", short name `").append(shortNames.get(0).asText()).append('`');
        }
        md.append(".\n");
        JsonNode columns = version.path("additionalPrinterColumns");
        if (!columns.isEmpty()) {
            md.append("\n`kubectl get ").append(shortNames.isEmpty() ? crd.at("/spec/names/plural").asText()
                    : shortNames.get(0).asText()).append("` shows NAME");
            for (JsonNode column : columns) {
                md.append(", ").append(column.path("name").asText().toUpperCase()).append(" (`")
                        .append(column.path("jsonPath").asText()).append("`)");
            }
            md.append(".\n");
        }
        for (String part : List.of("spec", "status")) {
            JsonNode partSchema = schema.path("properties").path(part);
            if (partSchema.path("properties").isEmpty()) {
                continue;
            }
            md.append("\n### ").append(kind).append(' ').append(part).append("\n\n");
            List<String> rules = rules(partSchema);
            if (!rules.isEmpty()) {
                md.append("Rules on the whole `").append(part).append("`:\n\n");
                rules.forEach(rule -> md.append("- ").append(cell(rule)).append('\n'));
                md.append('\n');
            }
            md.append("| Field | Type | Unit | Default | Validation | Description |\n");
            md.append("|---|---|---|---|---|---|\n");
            fields(partSchema, part, md);
            md.append('\n');
        }
    }

    private static void fields(JsonNode schema, String path, StringBuilder md) {
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String fieldPath = path + "." + field.getKey();
            JsonNode fieldSchema = field.getValue();
            md.append(row(fieldPath, field.getKey(), fieldSchema, required.contains(field.getKey())));
            if (fieldSchema.has("properties")) {
                fields(fieldSchema, fieldPath, md);
            } else if (fieldSchema.path("items").has("properties")) {
                fields(fieldSchema.path("items"), fieldPath + "[]", md);
            } else if (fieldSchema.path("additionalProperties").has("properties")) {
                fields(fieldSchema.path("additionalProperties"), fieldPath + "[*]", md);
            }
        }
    }

    static String row(String path, String name, JsonNode schema, boolean required) {
        String description = schema.path("description").asText("");
        return "| `" + path + "` | " + type(schema) + " | " + unit(path, name, schema) + " | " + cell(defaultOf(description))
                + " | " + cell(String.join("; ", validation(schema, required))) + " | " + cell(description) + " |\n";
    }

    static String type(JsonNode schema) {
        if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
            return "quantity";
        }
        String type = schema.path("type").asText("");
        return switch (type) {
            case "array" -> "[]" + type(schema.path("items"));
            case "object" -> schema.has("additionalProperties") && !schema.has("properties")
                    ? "map[string]" + type(schema.path("additionalProperties")) : "object";
            case "" -> "any";
            default -> type;
        };
    }

    static String unit(String path, String name, JsonNode schema) {
        String description = schema.path("description").asText("").toLowerCase();
        if (path.contains("metrics[].") && List.of("max", "min", "tolerance").contains(name)) {
            return "the metric's ([built-in metrics](#built-in-metrics))";
        }
        if (DURATION_PATTERN.equals(schema.path("pattern").asText())) {
            return "duration";
        }
        if (name.toLowerCase().endsWith("weight") || description.contains("percent")) {
            return "percent";
        }
        if (schema.path("x-kubernetes-int-or-string").asBoolean(false)
                || schema.path("additionalProperties").path("x-kubernetes-int-or-string").asBoolean(false)) {
            return "quantity";
        }
        if (description.contains("factor")) {
            return "factor";
        }
        return "";
    }

    /** The default stated in a description, as code when it is a single literal. */
    static String defaultOf(String description) {
        String flat = description.replaceAll("\\s+", " ");
        Matcher sentence = DEFAULT_SENTENCE.matcher(flat);
        String found = null;
        if (sentence.find()) {
            found = sentence.group(1);
        } else {
            Matcher alternative = DEFAULT_ALTERNATIVE.matcher(flat);
            if (alternative.find()) {
                found = alternative.group(1);
            }
        }
        if (found == null) {
            return "";
        }
        return LITERAL.matcher(found).matches() ? "`" + found + "`" : found;
    }

    static List<String> validation(JsonNode schema, boolean required) {
        List<String> checks = new ArrayList<>();
        if (required) {
            checks.add("**required**");
        }
        if (schema.has("enum")) {
            List<String> values = new ArrayList<>();
            schema.path("enum").forEach(value -> values.add("`" + value.asText() + "`"));
            checks.add("one of " + String.join(", ", values));
        }
        range(schema, "minimum", "maximum", "", checks);
        range(schema, "minLength", "maxLength", "length ", checks);
        range(schema, "minItems", "maxItems", "items: ", checks);
        String pattern = schema.path("pattern").asText("");
        if (!pattern.isEmpty() && !pattern.equals(DURATION_PATTERN)) {
            checks.add("pattern `" + pattern + "`");
        }
        checks.addAll(rules(schema));
        return checks;
    }

    private static List<String> rules(JsonNode schema) {
        List<String> rules = new ArrayList<>();
        schema.path("x-kubernetes-validations").forEach(rule -> rules.add("rule: " + rule.path("message").asText()));
        return rules;
    }

    private static void range(JsonNode schema, String min, String max, String label, List<String> checks) {
        boolean hasMin = schema.has(min);
        boolean hasMax = schema.has(max);
        if (hasMin && hasMax) {
            checks.add(label + number(schema.path(min)) + " to " + number(schema.path(max)));
        } else if (hasMin) {
            checks.add(label + "at least " + number(schema.path(min)));
        } else if (hasMax) {
            checks.add(label + "at most " + number(schema.path(max)));
        }
    }

    private static String number(JsonNode value) {
        return new BigDecimal(value.asText()).stripTrailingZeros().toPlainString();
    }

    /** Text safe inside a Markdown table cell. */
    static String cell(String text) {
        return text.replaceAll("\\s+", " ").trim().replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
    }
}
