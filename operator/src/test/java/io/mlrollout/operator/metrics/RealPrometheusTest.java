package io.mlrollout.operator.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.awaitility.Awaitility.await;

import io.mlrollout.operator.analysis.MetricValues;
import io.mlrollout.operator.analysis.ServerCountersTestData;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus provider against a real Prometheus server (Debian package {@code prometheus},
 * installed by .ci/run), started on a loopback port and scraping two model-server exposition
 * endpoints, one per version.
 */
class RealPrometheusTest {

    private static final String ERROR_RATE = "sum(rate(model_inference_requests_total{outcome=\"server_error\",version=\"{{version}}\"}[{{interval}}]))"
            + " / sum(rate(model_inference_requests_total{version=\"{{version}}\"}[{{interval}}]))";

    private static TestingHttpServer canary;
    private static TestingHttpServer stable;
    private static Process prometheus;
    private static String address;
    private static final java.util.concurrent.atomic.AtomicInteger SCRAPES = new java.util.concurrent.atomic.AtomicInteger();

    @BeforeAll
    static void startPrometheus() throws Exception {
        // Counters grow with every scrape: the canary fails one request in five, the stable none.
        canary = new TestingHttpServer(p -> {
            int n = SCRAPES.incrementAndGet();
            return new TestingHttpServer.Answer(200, ServerCountersTestData.exposition("iris", 80 * n, 0, 20 * n, 80 * n, 0));
        });
        stable = new TestingHttpServer(p -> new TestingHttpServer.Answer(200,
                ServerCountersTestData.exposition("iris", 100 * SCRAPES.get(), 0, 0, 100 * SCRAPES.get(), 0)));
        Path dir = Files.createTempDirectory("prometheus-test");
        int port = freePort();
        Files.writeString(dir.resolve("prometheus.yml"), String.join("\n",
                "global: {scrape_interval: 1s, evaluation_interval: 1s}",
                "scrape_configs:",
                "  - job_name: canary",
                "    metrics_path: /q/metrics",
                "    static_configs: [{targets: ['127.0.0.1:" + canary.port() + "'], labels: {version: '2.0.0', namespace: ml}}]",
                "  - job_name: stable",
                "    metrics_path: /q/metrics",
                "    static_configs: [{targets: ['127.0.0.1:" + stable.port() + "'], labels: {version: '1.0.0', namespace: ml}}]",
                ""));
        prometheus = new ProcessBuilder(binary(), "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        address = "http://127.0.0.1:" + port;
    }

    @AfterAll
    static void stopPrometheus() throws InterruptedException {
        if (prometheus != null) {
            prometheus.destroy();
            if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly();
            }
        }
        canary.close();
        stable.close();
    }

    @Test
    void measuresBothVersionsWithARealPromqlQuery() {
        PrometheusMetricProvider provider = new PrometheusMetricProvider();
        AnalysisTarget target = new AnalysisTarget("ml", "iris", "iris", "2.0.0", "1.0.0", List.of(), List.of(), Duration.ofSeconds(10));
        MetricValues values = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> provider.measure(List.of(PrometheusMetricProviderTest.metric(address, ERROR_RATE)), target).get("custom"),
                        v -> v.canary().hasValue() && v.stable().hasValue());
        assertThat(values.canary().value()).hasValueCloseTo(0.2, offset(1e-6));
        assertThat(values.stable().value()).hasValueCloseTo(0.0, offset(1e-6));
        assertThat(values.canary().query()).contains("version=\"2.0.0\"", "[10s]");
    }

    @Test
    void aVersionPrometheusHasNeverSeenIsNoDataNotZero() {
        PrometheusMetricProvider provider = new PrometheusMetricProvider();
        AnalysisTarget unknown = new AnalysisTarget("ml", "iris", "iris", "9.9.9", "1.0.0", List.of(), List.of(), Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            MetricValues values = provider.measure(List.of(PrometheusMetricProviderTest.metric(address, ERROR_RATE)), unknown).get("custom");
            assertThat(values.stable().hasValue()).as("Prometheus is up and has data for the stable version").isTrue();
            assertThat(values.canary().hasValue()).isFalse();
            assertThat(values.canary().error()).isEqualTo("the query returned no data");
        });
    }

    @Test
    void aBadQueryReportsPrometheusError() {
        PrometheusMetricProvider provider = new PrometheusMetricProvider();
        AnalysisTarget target = new AnalysisTarget("ml", "iris", "iris", "2.0.0", "1.0.0", List.of(), List.of(), Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(provider.measure(List.of(PrometheusMetricProviderTest.metric(address, "sum(rate(")), target)
                        .get("custom").canary().error()).startsWith("Prometheus error (HTTP 400): bad_data"));
    }

    private static String binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, "prometheus"))) {
                return Path.of(dir, "prometheus").toString();
            }
        }
        throw new IllegalStateException("The prometheus binary is not installed: apt-get install prometheus (.ci/run does this)");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
