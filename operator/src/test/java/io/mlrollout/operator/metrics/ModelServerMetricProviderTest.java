package io.mlrollout.operator.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.mlrollout.api.v1alpha1.MetricSpec;
import io.mlrollout.operator.analysis.MetricValues;
import io.mlrollout.operator.analysis.ServerCountersTestData;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ModelServerMetricProviderTest {

    static MetricSpec metric(String name) {
        MetricSpec spec = new MetricSpec();
        spec.setName(name);
        spec.setMax(1.0);
        return spec;
    }

    static AnalysisTarget target(List<PodEndpoint> canary, List<PodEndpoint> stable) {
        return new AnalysisTarget("ml", "iris", "iris", "2.0.0", "1.0.0", canary, stable, Duration.ofSeconds(10));
    }

    static PodEndpoint pod(String name, TestingHttpServer server) {
        return new PodEndpoint(name, name + "-uid", "127.0.0.1", server.port());
    }

    @Test
    void eachRunMeasuresTheIntervalSinceTheLastOnePodByPod() throws Exception {
        AtomicReference<String> canaryText = new AtomicReference<>(ServerCountersTestData.exposition("iris", 50, 0, 0, 50, 0));
        AtomicReference<String> stableText = new AtomicReference<>(ServerCountersTestData.exposition("iris", 1000, 0, 10, 1000, 0));
        try (TestingHttpServer canary = new TestingHttpServer(p -> new TestingHttpServer.Answer(200, canaryText.get()));
             TestingHttpServer stable = new TestingHttpServer(p -> new TestingHttpServer.Answer(200, stableText.get()))) {
            ModelServerMetricProvider provider = new ModelServerMetricProvider();
            AnalysisTarget target = target(List.of(pod("c", canary)), List.of(pod("s", stable)));
            List<MetricSpec> metrics = List.of(metric("error-rate"), metric("request-rate"), metric("latency-p99"));

            Map<String, MetricValues> first = provider.measure(metrics, target);
            assertThat(first.get("error-rate").canary().sampleSize()).as("first sight counts from pod start").isEqualTo(50);
            assertThat(first.get("error-rate").stable().value()).hasValueCloseTo(10 / 1010.0, offset(1e-9));

            canaryText.set(ServerCountersTestData.exposition("iris", 130, 0, 20, 100, 50));
            stableText.set(ServerCountersTestData.exposition("iris", 1100, 0, 10, 1100, 0));
            Map<String, MetricValues> second = provider.measure(metrics, target);
            assertThat(second.get("error-rate").canary().value()).hasValueCloseTo(0.2, offset(1e-9));
            assertThat(second.get("error-rate").canary().sampleSize()).isEqualTo(100);
            assertThat(second.get("error-rate").stable().value()).hasValueCloseTo(0.0, offset(1e-9));
            assertThat(second.get("request-rate").canary().value()).hasValueCloseTo(10.0, offset(1e-9));
            assertThat(second.get("latency-p99").canary().value()).isPresent();
            assertThat(canary.hits("/q/metrics")).as("one scrape per run, whatever the number of metrics").isEqualTo(2);
        }
    }

    @Test
    void aPodThatCannotBeScrapedLeavesItsSideWithoutData() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        try (TestingHttpServer stable = new TestingHttpServer(p -> new TestingHttpServer.Answer(200,
                ServerCountersTestData.exposition("iris", 10, 0, 0, 10, 0)));
             TestingHttpServer broken = new TestingHttpServer(p -> new TestingHttpServer.Answer(503, "not ready"))) {
            ModelServerMetricProvider provider = new ModelServerMetricProvider();
            MetricValues unreachable = provider.measure(List.of(metric("error-rate")), target(
                    List.of(new PodEndpoint("gone", "gone-uid", "127.0.0.1", closedPort)), List.of(pod("s", stable)))).get("error-rate");
            assertThat(unreachable.canary().hasValue()).isFalse();
            assertThat(unreachable.canary().error()).contains("scraping gone at http://127.0.0.1:" + closedPort + "/q/metrics failed");
            assertThat(unreachable.stable().hasValue()).isTrue();

            MetricValues failing = provider.measure(List.of(metric("error-rate")), target(List.of(pod("b", broken)), List.of()))
                    .get("error-rate");
            assertThat(failing.canary().error()).contains("HTTP 503");
            assertThat(failing.stable().error()).isEqualTo("no Ready pods to scrape");
        }
    }
}
