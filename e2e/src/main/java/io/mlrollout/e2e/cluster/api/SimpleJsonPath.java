package io.mlrollout.e2e.cluster.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The subset of JSONPath that printer columns use: {@code .a.b}, {@code .a[0].b} and
 * {@code .a[*].b}. Anything fancier finds nothing rather than failing the request.
 */
final class SimpleJsonPath {

    private SimpleJsonPath() {
    }

    static List<JsonNode> find(JsonNode root, String path) {
        List<JsonNode> current = List.of(root);
        String trimmed = path.startsWith("{") && path.endsWith("}") ? path.substring(1, path.length() - 1) : path;
        for (String token : trimmed.split("\\.")) {
            if (token.isEmpty()) {
                continue;
            }
            current = step(current, token);
        }
        return current.stream().filter(n -> !n.isMissingNode() && !n.isNull()).toList();
    }

    private static List<JsonNode> step(List<JsonNode> nodes, String token) {
        int bracket = token.indexOf('[');
        String field = bracket < 0 ? token : token.substring(0, bracket);
        String index = bracket < 0 ? null : token.substring(bracket + 1, token.length() - 1);
        List<JsonNode> next = new ArrayList<>();
        for (JsonNode node : nodes) {
            JsonNode value = field.isEmpty() ? node : node.path(field);
            if (index == null) {
                next.add(value);
            } else if (index.equals("*")) {
                value.forEach(next::add);
            } else if (index.matches("\\d+")) {
                next.add(value.path(Integer.parseInt(index)));
            }
        }
        return next;
    }
}
