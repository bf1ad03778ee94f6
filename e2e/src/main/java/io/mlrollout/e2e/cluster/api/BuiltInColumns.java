package io.mlrollout.e2e.cluster.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The columns kubectl shows for the built-in kinds the simulated cluster runs. */
final class BuiltInColumns {

    private BuiltInColumns() {
    }

    static Optional<List<Column>> of(String plural) {
        return Optional.ofNullable(switch (plural) {
            case "pods" -> List.of(Column.nameColumn(), Column.of("Ready", 0, BuiltInColumns::podReady),
                    Column.of("Status", 0, BuiltInColumns::podStatus), Column.of("Restarts", 0, BuiltInColumns::restarts),
                    Column.ageColumn(), Column.of("IP", 1, o -> text(o.path("status").path("podIP"))),
                    Column.of("Node", 1, o -> text(o.path("spec").path("nodeName"))));
            case "deployments" -> List.of(Column.nameColumn(),
                    Column.of("Ready", 0, o -> status(o, "readyReplicas") + "/" + o.path("spec").path("replicas").asInt(1)),
                    Column.of("Up-to-date", 0, o -> status(o, "updatedReplicas")),
                    Column.of("Available", 0, o -> status(o, "availableReplicas")), Column.ageColumn());
            case "services" -> List.of(Column.nameColumn(), Column.of("Type", 0, o -> o.path("spec").path("type").asText("ClusterIP")),
                    Column.of("Cluster-IP", 0, o -> o.path("spec").path("clusterIP").asText("<none>")),
                    Column.of("Port(s)", 0, BuiltInColumns::ports), Column.ageColumn(),
                    Column.of("Selector", 1, o -> selector(o.path("spec").path("selector"))));
            case "events" -> List.of(Column.of("Last Seen", 0, o -> HumanAge.since(o.path("lastTimestamp").asText(null))),
                    Column.of("Type", 0, o -> text(o.path("type"))), Column.of("Reason", 0, o -> text(o.path("reason"))),
                    Column.of("Object", 0, o -> o.path("involvedObject").path("kind").asText().toLowerCase() + "/"
                            + o.path("involvedObject").path("name").asText()),
                    Column.of("Message", 0, o -> text(o.path("message"))), Column.nameColumn().withPriority(1));
            default -> null;
        });
    }

    private static Object status(JsonNode object, String field) {
        return object.path("status").path(field).asInt(0);
    }

    private static Object podReady(JsonNode pod) {
        int ready = 0;
        for (JsonNode container : pod.path("status").path("containerStatuses")) {
            ready += container.path("ready").asBoolean() ? 1 : 0;
        }
        return ready + "/" + pod.path("spec").path("containers").size();
    }

    private static Object podStatus(JsonNode pod) {
        for (JsonNode container : pod.path("status").path("containerStatuses")) {
            JsonNode waiting = container.path("state").path("waiting");
            if (waiting.has("reason")) {
                return waiting.path("reason").asText();
            }
        }
        return pod.path("status").path("phase").asText("Pending");
    }

    private static Object restarts(JsonNode pod) {
        int restarts = 0;
        for (JsonNode container : pod.path("status").path("containerStatuses")) {
            restarts += container.path("restartCount").asInt(0);
        }
        return restarts;
    }

    private static Object ports(JsonNode service) {
        List<String> ports = new ArrayList<>();
        service.path("spec").path("ports").forEach(p -> ports.add(p.path("port").asInt() + "/" + p.path("protocol").asText("TCP")));
        return ports.isEmpty() ? "<none>" : String.join(",", ports);
    }

    private static Object selector(JsonNode selector) {
        List<String> pairs = new ArrayList<>();
        selector.fields().forEachRemaining(e -> pairs.add(e.getKey() + "=" + e.getValue().asText()));
        return pairs.isEmpty() ? "<none>" : String.join(",", pairs);
    }

    private static Object text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }
}
