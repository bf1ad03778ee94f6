package io.mlrollout.e2e.cluster.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.mlrollout.e2e.cluster.process.BuiltApplications;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Table kubectl gets for ModelDeployments, built from the checked-in CRD's additionalPrinterColumns. */
class PrinterColumnsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void modelDeploymentRowsShowStableCanaryWeightAndPhase() throws IOException {
        JsonNode crd = new ObjectMapper(new YAMLFactory())
                .readTree(BuiltApplications.locate().crds().resolve("modeldeployments.mlrollout.io.yaml").toFile());
        JsonNode list = JSON.readTree("""
                {"kind": "List", "metadata": {"resourceVersion": "7"}, "items": [{
                  "metadata": {"name": "iris", "namespace": "ml", "creationTimestamp": "2020-01-01T00:00:00Z"},
                  "spec": {"model": {"name": "iris", "version": "2.0.0"}},
                  "status": {"stableVersion": "1.0.0", "canaryVersion": "2.0.0", "canaryWeight": 50, "phase": "Progressing"}}]}
                """);

        JsonNode table = TableConverter.toTable(list, PrinterColumns.of(ApiResource.fromCrd(crd)));

        assertThat(table.path("kind").asText()).isEqualTo("Table");
        assertThat(table.path("columnDefinitions").findValuesAsText("name"))
                .containsExactly("Name", "Model", "Stable", "Canary", "Weight", "Phase", "Age");
        JsonNode cells = table.path("rows").path(0).path("cells");
        assertThat(List.of(cells.get(0).asText(), cells.get(1).asText(), cells.get(2).asText(), cells.get(3).asText(),
                cells.get(5).asText())).containsExactly("iris", "iris", "1.0.0", "2.0.0", "Progressing");
        assertThat(cells.get(4).isNumber()).as("the weight is an integer cell").isTrue();
        assertThat(cells.get(4).asInt()).isEqualTo(50);
        assertThat(cells.get(6).asText()).as("age in years and days").matches("\\d+y(\\d+d)?");
        assertThat(table.path("rows").path(0).path("object").path("metadata").path("namespace").asText()).isEqualTo("ml");
    }

    @Test
    void wildcardPathsJoinEveryValue() throws IOException {
        JsonNode route = JSON.readTree("""
                {"spec": {"rules": [{"backendRefs": [{"name": "a", "weight": 80}, {"name": "b", "weight": 20}]}]}}
                """);

        assertThat(SimpleJsonPath.find(route, ".spec.rules[*].backendRefs[*].weight")).extracting(JsonNode::asInt).containsExactly(80, 20);
        assertThat(SimpleJsonPath.find(route, ".spec.rules[0].backendRefs[1].name")).extracting(JsonNode::asText).containsExactly("b");
        assertThat(SimpleJsonPath.find(route, ".status.parents")).isEmpty();
    }

    @Test
    void missingValuesAreEmptyCells() throws IOException {
        JsonNode crd = JSON.readTree("""
                {"spec": {"versions": [{"additionalPrinterColumns": [{"name": "Phase", "type": "string", "jsonPath": ".status.phase"}]}]}}
                """);
        JsonNode table = TableConverter.toTable(JSON.readTree("{\"metadata\": {\"name\": \"x\"}}"),
                PrinterColumns.of(ApiResource.fromCrd(crd)));

        assertThat(table.path("rows").path(0).path("cells").get(1).isNull()).isTrue();
    }
}
