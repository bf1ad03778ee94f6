package io.mlrollout.e2e.cluster.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Turns a list (or one object) into the meta.k8s.io/v1 Table that {@code kubectl get} asks for
 * with {@code Accept: application/json;as=Table}: without it kubectl prints names only.
 */
final class TableConverter {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private TableConverter() {
    }

    static boolean wantsTable(String accept) {
        return accept != null && accept.contains("as=Table");
    }

    static ObjectNode toTable(JsonNode listOrObject, List<Column> columns) {
        ObjectNode table = JSON.objectNode().put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
        table.putObject("metadata").put("resourceVersion", listOrObject.path("metadata").path("resourceVersion").asText(""));
        ArrayNode definitions = table.putArray("columnDefinitions");
        columns.forEach(c -> definitions.add(c.definition()));
        ArrayNode rows = table.putArray("rows");
        if (listOrObject.has("items")) {
            listOrObject.path("items").forEach(item -> rows.add(row(item, columns)));
        } else {
            rows.add(row(listOrObject, columns));
        }
        return table;
    }

    private static ObjectNode row(JsonNode object, List<Column> columns) {
        ObjectNode row = JSON.objectNode();
        ArrayNode cells = row.putArray("cells");
        for (Column column : columns) {
            Object value = column.cell().apply(object);
            if (value == null) {
                cells.addNull();
            } else if (value instanceof Double || value instanceof Float) {
                cells.add(JSON.numberNode(((Number) value).doubleValue()));
            } else if (value instanceof Number number) {
                cells.add(JSON.numberNode(number.longValue()));
            } else {
                cells.add(value.toString());
            }
        }
        ObjectNode partial = row.putObject("object").put("kind", "PartialObjectMetadata").put("apiVersion", "meta.k8s.io/v1");
        partial.set("metadata", object.path("metadata").deepCopy());
        return row;
    }
}
