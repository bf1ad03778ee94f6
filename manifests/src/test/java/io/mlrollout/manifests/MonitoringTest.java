package io.mlrollout.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The prometheus component scrapes the operator's Service and every model-server pod on /q/metrics. */
class MonitoringTest {

    private static final List<JsonNode> OBJECTS = Kustomize.render(Repo.MANIFESTS.resolve("overlays/prometheus"));

    @Test
    void theServiceMonitorSelectsTheOperatorMetricsService() {
        JsonNode monitor = Kustomize.find(OBJECTS, "ServiceMonitor", "mlrollout-operator").orElseThrow();
        JsonNode service = Kustomize.find(OBJECTS, "Service", "mlrollout-operator-metrics").orElseThrow();
        assertThat(monitor.at("/metadata/namespace").asText()).isEqualTo(service.at("/metadata/namespace").asText());
        monitor.at("/spec/selector/matchLabels").fields().forEachRemaining(label ->
                assertThat(service.at("/metadata/labels").path(label.getKey())).as("Service label %s", label.getKey())
                        .isEqualTo(label.getValue()));
        assertThat(monitor.at("/spec/endpoints/0/port").asText()).isEqualTo(service.at("/spec/ports/0/name").asText());
        assertThat(monitor.at("/spec/endpoints/0/path").asText()).isEqualTo("/q/metrics");
    }

    @Test
    void thePodMonitorSelectsModelServerPodsInEveryNamespace() {
        JsonNode monitor = Kustomize.find(OBJECTS, "PodMonitor", "mlrollout-model-servers").orElseThrow();
        assertThat(monitor.at("/spec/namespaceSelector/any").asBoolean()).isTrue();
        JsonNode expression = monitor.at("/spec/selector/matchExpressions/0");
        assertThat(expression.path("key").asText()).isEqualTo("mlrollout.io/model-deployment");
        assertThat(expression.path("operator").asText()).isEqualTo("Exists");
        assertThat(monitor.at("/spec/podMetricsEndpoints/0/port").asText()).isEqualTo("http");
        assertThat(monitor.at("/spec/podMetricsEndpoints/0/path").asText()).isEqualTo("/q/metrics");
    }

    @Test
    void theBaseNeedsNoPrometheusOperator() {
        assertThat(Kustomize.render(Repo.MANIFESTS.resolve("base")))
                .noneMatch(o -> o.path("apiVersion").asText().startsWith("monitoring.coreos.com/"));
    }
}
