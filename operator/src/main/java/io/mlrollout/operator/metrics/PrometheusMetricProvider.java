package io.mlrollout.operator.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlrollout.api.v1alpha1.Durations;
import io.mlrollout.api.v1alpha1.MetricSpec;
import io.mlrollout.operator.analysis.Measurement;
import io.mlrollout.operator.analysis.MetricValues;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Custom metrics from a Prometheus server: one instant query per metric. The query is templated
 * with {{namespace}}, {{name}}, {{canaryVersion}}, {{stableVersion}} and {{interval}}; a query that
 * uses {{version}} runs once per side, so it can also be compared with the stable version. An
 * empty result or NaN is no data, never zero.
 */
public final class PrometheusMetricProvider implements MetricProvider {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @Override
    public Map<String, MetricValues> measure(List<MetricSpec> metrics, AnalysisTarget target) {
        Map<String, MetricValues> values = new HashMap<>();
        for (MetricSpec metric : metrics) {
            String template = metric.getPrometheus().getQuery();
            String address = metric.getPrometheus().getAddress();
            Measurement canary = query(address, resolve(template, target, target.canaryVersion()));
            Measurement stable = template.contains("{{version}}") ? query(address, resolve(template, target, target.stableVersion()))
                    : Measurement.noData("the query has no {{version}}: it measures the canary only", Measurement.UNKNOWN_SAMPLE);
            values.put(metric.getName(), new MetricValues(canary, stable));
        }
        return values;
    }

    static String resolve(String template, AnalysisTarget target, String version) {
        return template.replace("{{namespace}}", target.namespace())
                .replace("{{name}}", target.name())
                .replace("{{canaryVersion}}", nullToEmpty(target.canaryVersion()))
                .replace("{{stableVersion}}", nullToEmpty(target.stableVersion()))
                .replace("{{version}}", nullToEmpty(version))
                .replace("{{interval}}", Durations.format(target.interval()));
    }

    private Measurement query(String address, String query) {
        String url = address.replaceAll("/+$", "") + "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return PrometheusResponse.read(response.statusCode(), response.body()).withQuery(query);
        } catch (IOException | IllegalArgumentException e) {
            return Measurement.noData("Prometheus at " + address + " unreachable: " + e.getMessage(), Measurement.UNKNOWN_SAMPLE)
                    .withQuery(query);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Measurement.noData("interrupted", Measurement.UNKNOWN_SAMPLE).withQuery(query);
        }
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    /** Reads the JSON of /api/v1/query: exactly one number, or no data with the reason. */
    static final class PrometheusResponse {

        private PrometheusResponse() {
        }

        static Measurement read(int status, String body) {
            JsonNode json;
            try {
                json = JSON.readTree(body);
            } catch (IOException e) {
                return Measurement.noData("Prometheus answered HTTP " + status + " with no JSON", Measurement.UNKNOWN_SAMPLE);
            }
            if (!"success".equals(json.path("status").asText())) {
                return Measurement.noData("Prometheus error (HTTP " + status + "): " + json.path("errorType").asText() + ": "
                        + json.path("error").asText(), Measurement.UNKNOWN_SAMPLE);
            }
            JsonNode data = json.path("data");
            JsonNode result = data.path("result");
            if ("scalar".equals(data.path("resultType").asText())) {
                return number(result.path(1).asText());
            }
            if (!result.isArray() || result.isEmpty()) {
                return Measurement.noData("the query returned no data", Measurement.UNKNOWN_SAMPLE);
            }
            if (result.size() > 1) {
                return Measurement.noData("the query returned " + result.size() + " series; it must return one number "
                        + "(aggregate it, e.g. with sum())", Measurement.UNKNOWN_SAMPLE);
            }
            return number(result.path(0).path("value").path(1).asText());
        }

        private static Measurement number(String text) {
            try {
                return Measurement.of(Double.parseDouble(text), Measurement.UNKNOWN_SAMPLE);
            } catch (NumberFormatException e) {
                return Measurement.noData("the query returned '" + text + "', not a number", Measurement.UNKNOWN_SAMPLE);
            }
        }
    }
}
