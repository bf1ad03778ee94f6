package io.mlrollout.e2e.cluster.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Field selectors on Event lists ({@code involvedObject.name=...}), which {@code kubectl describe}
 * uses to find an object's Events and the mock API server does not understand.
 */
final class FieldSelectors {

    private FieldSelectors() {
    }

    static boolean applies(ApiPath path) {
        String selector = path.query().get("fieldSelector");
        return "events".equals(path.plural()) && "".equals(path.group()) && path.isCollection() && selector != null
                && selector.contains("involvedObject.");
    }

    /** Each {@code a.b=value} (or {@code ==}) term must hold; {@code !=} terms are honoured too. */
    static boolean matches(String selector, JsonNode object) {
        for (String term : selector.split(",")) {
            boolean negated = term.contains("!=");
            String[] parts = term.split(negated ? "!=" : "==?", 2);
            if (parts.length != 2) {
                continue;
            }
            JsonNode value = object;
            for (String field : parts[0].trim().split("\\.")) {
                value = value.path(field);
            }
            boolean equal = value.asText("").equals(parts[1].trim());
            if (equal == negated) {
                return false;
            }
        }
        return true;
    }
}
