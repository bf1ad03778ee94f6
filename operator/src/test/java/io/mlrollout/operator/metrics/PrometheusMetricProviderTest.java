package io.mlrollout.operator.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.mlrollout.api.v1alpha1.MetricSpec;
import io.mlrollout.api.v1alpha1.PrometheusQuery;
import io.mlrollout.operator.analysis.Measurement;
import io.mlrollout.operator.analysis.MetricValues;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Prometheus provider against canned answers of the HTTP API, including the awkward ones. */
class PrometheusMetricProviderTest {

    static MetricSpec metric(String address, String query) {
        MetricSpec spec = new MetricSpec();
        spec.setName("custom");
        spec.setMax(1.0);
        spec.setPrometheus(new PrometheusQuery());
        spec.getPrometheus().setAddress(address);
        spec.getPrometheus().setQuery(query);
        return spec;
    }

    static AnalysisTarget target() {
        return new AnalysisTarget("ml", "iris", "iris", "2.0.0", "1.0.0", List.of(), List.of(), Duration.ofSeconds(30));
    }

    static MetricValues measure(String answer, int status, String query) throws Exception {
        try (TestingHttpServer prometheus = new TestingHttpServer(p -> new TestingHttpServer.Answer(status, answer))) {
            return new PrometheusMetricProvider().measure(List.of(metric(prometheus.url(), query)), target()).get("custom");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            vector   | {"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1700000000,"0.25"]}]}}
            scalar   | {"status":"success","data":{"resultType":"scalar","result":[1700000000,"0.25"]}}
            """)
    void oneNumberIsTheValue(String kind, String answer) throws Exception {
        MetricValues values = measure(answer, 200, "up");
        assertThat(values.canary().value()).hasValueCloseTo(0.25, offset(1e-12));
        assertThat(values.canary().sampleSize()).isEqualTo(Measurement.UNKNOWN_SAMPLE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            empty result    | 200 | {"status":"success","data":{"resultType":"vector","result":[]}}                                                 | the query returned no data
            NaN             | 200 | {"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"NaN"]}]}}                 | the value is NaN
            +Inf            | 200 | {"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"+Inf"]}]}}                | not a number
            two series      | 200 | {"status":"success","data":{"resultType":"vector","result":[{"value":[1,"1"]},{"value":[1,"2"]}]}}             | returned 2 series; it must return one number
            PromQL error    | 400 | {"status":"error","errorType":"bad_data","error":"parse error at char 5"}                                       | Prometheus error (HTTP 400): bad_data: parse error at char 5
            not JSON        | 502 | <html>bad gateway</html>                                                                                        | Prometheus answered HTTP 502 with no JSON
            """)
    void anythingButOneNumberIsNoDataWithTheReason(String kind, int status, String answer, String reason) throws Exception {
        MetricValues values = measure(answer, status, "q");
        assertThat(values.canary().hasValue()).isFalse();
        assertThat(values.canary().error()).contains(reason);
        assertThat(values.canary().query()).isEqualTo("q");
    }

    @Test
    void anUnreachableServerIsNoDataNotAnError() {
        MetricValues values = new PrometheusMetricProvider().measure(List.of(metric("http://127.0.0.1:1", "up")), target()).get("custom");
        assertThat(values.canary().hasValue()).isFalse();
        assertThat(values.canary().error()).startsWith("Prometheus at http://127.0.0.1:1 unreachable");
    }

    @Test
    void templatesAreResolvedAndAVersionQueryRunsForBothSides() throws Exception {
        List<String> queries = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (TestingHttpServer prometheus = new TestingHttpServer(p -> {
            queries.add(URLDecoder.decode(p.substring(p.indexOf("query=") + 6), StandardCharsets.UTF_8));
            return new TestingHttpServer.Answer(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1,\"1\"]}}");
        })) {
            MetricValues values = new PrometheusMetricProvider().measure(List.of(metric(prometheus.url(),
                    "rate(x{ns=\"{{namespace}}\",md=\"{{name}}\",v=\"{{version}}\",c=\"{{canaryVersion}}\",s=\"{{stableVersion}}\"}[{{interval}}])")),
                    target()).get("custom");
            assertThat(queries).containsExactly(
                    "rate(x{ns=\"ml\",md=\"iris\",v=\"2.0.0\",c=\"2.0.0\",s=\"1.0.0\"}[30s])",
                    "rate(x{ns=\"ml\",md=\"iris\",v=\"1.0.0\",c=\"2.0.0\",s=\"1.0.0\"}[30s])");
            assertThat(values.stable().hasValue()).isTrue();
        }
    }
}
