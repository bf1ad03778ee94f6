package io.mlrollout.e2e.cluster.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;

/**
 * A column of a server-side Table: what {@code kubectl get} prints.
 *
 * @param cell the cell of one object: a string, a number, or null for none
 */
record Column(String name, String type, String format, int priority, String description, Function<JsonNode, Object> cell) {

    static Column nameColumn() {
        return new Column("Name", "string", "name", 0, "Name must be unique within a namespace.",
                o -> o.path("metadata").path("name").asText());
    }

    static Column ageColumn() {
        return new Column("Age", "string", "", 0, "Time since the object was created.",
                o -> HumanAge.since(o.path("metadata").path("creationTimestamp").asText(null)));
    }

    static Column of(String name, int priority, Function<JsonNode, Object> cell) {
        return new Column(name, "string", "", priority, name, cell);
    }

    Column withPriority(int newPriority) {
        return new Column(name, type, format, newPriority, description, cell);
    }

    ObjectNode definition() {
        return JsonNodeFactory.instance.objectNode().put("name", name).put("type", type).put("format", format)
                .put("description", description).put("priority", priority);
    }
}
