package io.mlrollout.e2e.cluster.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The Table columns of a kind: a CRD's additionalPrinterColumns, or those kubectl users know for built-in kinds. */
final class PrinterColumns {

    private PrinterColumns() {
    }

    static List<Column> of(ApiResource resource) {
        if (resource.printerColumns() != null && resource.printerColumns().isArray() && !resource.printerColumns().isEmpty()) {
            return fromCrd(resource.printerColumns());
        }
        return BuiltInColumns.of(resource.plural()).orElse(List.of(Column.nameColumn(), Column.ageColumn()));
    }

    /** As the API server does it: Name first, then each column's JSONPath; dates become ages. */
    static List<Column> fromCrd(JsonNode additionalPrinterColumns) {
        List<Column> columns = new ArrayList<>(List.of(Column.nameColumn()));
        for (JsonNode spec : additionalPrinterColumns) {
            String type = spec.path("type").asText("string");
            String path = spec.path("jsonPath").asText();
            columns.add(new Column(spec.path("name").asText(), type, spec.path("format").asText(""),
                    spec.path("priority").asInt(0), spec.path("description").asText(""), o -> cell(o, path, type)));
        }
        return columns;
    }

    private static Object cell(JsonNode object, String path, String type) {
        List<JsonNode> found = SimpleJsonPath.find(object, path);
        if (found.isEmpty()) {
            return null;
        }
        if (type.equals("date")) {
            return HumanAge.since(found.get(0).asText());
        }
        if (found.size() == 1 && (type.equals("integer") || type.equals("number")) && found.get(0).isNumber()) {
            return found.get(0).numberValue();
        }
        return found.stream().map(n -> n.isValueNode() ? n.asText() : n.toString()).collect(Collectors.joining(","));
    }
}
