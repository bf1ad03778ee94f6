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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

    static TestingHttpServer serving(AtomicReference<String> text) throws java.io.IOException {
        return new TestingHttpServer(p -> new TestingHttpServer.Answer(200, text.get()));
    }

    static final List<MetricSpec> METRICS = List.of(metric("error-rate"), metric("request-rate"), metric("latency-p99"));

    @Test
    void eachRunMeasuresTheIntervalSinceTheLastRecordedRunPodByPod() throws Exception {
        AtomicReference<String> canaryText = new AtomicReference<>(ServerCountersTestData.exposition("iris", 50, 0, 0, 50, 0));
        AtomicReference<String> stableText = new AtomicReference<>(ServerCountersTestData.exposition("iris", 1000, 0, 10, 1000, 0));
        try (TestingHttpServer canary = serving(canaryText); TestingHttpServer stable = serving(stableText)) {
            ModelServerMetricProvider provider = new ModelServerMetricProvider();
            AnalysisTarget target = target(List.of(pod("c", canary)), List.of(pod("s", stable)));
            provider.baseline(target);

            canaryText.set(ServerCountersTestData.exposition("iris", 130, 0, 20, 100, 50));
            stableText.set(ServerCountersTestData.exposition("iris", 1100, 0, 10, 1100, 0));
            Map<String, MetricValues> first = provider.measure(METRICS, target);
            provider.commit(target);
            assertThat(first.get("error-rate").canary().value()).as("only what happened since the baseline").hasValueCloseTo(0.2, offset(1e-9));
            assertThat(first.get("error-rate").canary().sampleSize()).isEqualTo(100);
            assertThat(first.get("error-rate").stable().value()).hasValueCloseTo(0.0, offset(1e-9));
            assertThat(first.get("request-rate").canary().value()).hasValueCloseTo(10.0, offset(1e-9));
            assertThat(first.get("latency-p99").canary().value()).isPresent();

            canaryText.set(ServerCountersTestData.exposition("iris", 180, 0, 20, 150, 50));
            Map<String, MetricValues> second = provider.measure(METRICS, target);
            assertThat(second.get("error-rate").canary().value()).hasValueCloseTo(0.0, offset(1e-9));
            assertThat(second.get("error-rate").canary().sampleSize()).isEqualTo(50);
            assertThat(canary.hits("/q/metrics")).as("one scrape per run, whatever the number of metrics").isEqualTo(3);
        }
    }

    @Test
    void aPodServingHttpsIsScrapedOverHttpsWhateverItsCertificateNames() throws Exception {
        AtomicReference<String> canaryText = new AtomicReference<>(ServerCountersTestData.exposition("iris", 10, 0, 0, 10, 0));
        AtomicReference<String> stableText = new AtomicReference<>(ServerCountersTestData.exposition("iris", 10, 0, 0, 10, 0));
        try (TestingHttpServer canary = TestingHttpServer.https(p -> new TestingHttpServer.Answer(200, canaryText.get()));
                TestingHttpServer stable = serving(stableText)) {
            ModelServerMetricProvider provider = new ModelServerMetricProvider();
            PodEndpoint canaryPod = new PodEndpoint("c", "c-uid", "127.0.0.1", canary.port(), true);
            AnalysisTarget target = target(List.of(canaryPod), List.of(pod("s", stable)));
            provider.baseline(target);
            canaryText.set(ServerCountersTestData.exposition("iris", 30, 0, 10, 40, 0));
            Map<String, MetricValues> values = provider.measure(METRICS, target);
            assertThat(values.get("error-rate").canary().value()).hasValueCloseTo(1.0 / 3, offset(1e-9));
            assertThat(canary.hits("/q/metrics")).isEqualTo(2);
            assertThat(canaryPod.metricsUrl()).startsWith("https://127.0.0.1:");
        }
    }

    @Test
    void aRunWhoseAnalysisWasNotRecordedDoesNotUseUpItsInterval() throws Exception {
        AtomicReference<String> canaryText = new AtomicReference<>(ServerCountersTestData.exposition("iris", 100, 0, 0, 100, 0));
        try (TestingHttpServer canary = serving(canaryText)) {
            ModelServerMetricProvider provider = new ModelServerMetricProvider();
            AnalysisTarget target = target(List.of(pod("c", canary)), List.of());
            provider.baseline(target);
            canaryText.set(ServerCountersTestData.exposition("iris", 150, 0, 50, 200, 0));
            provider.measure(METRICS, target);
            // The reconcile failed before its status was written: no commit.
            canaryText.set(ServerCountersTestData.exposition("iris", 200, 0, 50, 250, 0));
            MetricValues retried = provider.measure(METRICS, target).get("error-rate");
            assertThat(retried.canary().sampleSize()).as("both intervals, from the last recorded baseline").isEqualTo(150);
            assertThat(retried.canary().value()).hasValueCloseTo(50 / 150.0, offset(1e-9));
        }
    }

    @Test
    void aPodWithoutABaselineCountsFromItsNextReadingNotFromItsStart() throws Exception {
        AtomicReference<String> oldPod = new AtomicReference<>(ServerCountersTestData.exposition("iris", 100, 0, 0, 100, 0));
        AtomicReference<String> newPod = new AtomicReference<>(ServerCountersTestData.exposition("iris", 500, 0, 500, 1000, 0));
        try (TestingHttpServer old = serving(oldPod); TestingHttpServer fresh = serving(newPod)) {
            ModelServerMetricProvider provider = new ModelServerMetricProvider();
            provider.baseline(target(List.of(pod("old", old)), List.of()));
            oldPod.set(ServerCountersTestData.exposition("iris", 120, 0, 0, 120, 0));
            AnalysisTarget both = target(List.of(pod("old", old), pod("new", fresh)), List.of());

            MetricValues first = provider.measure(METRICS, both).get("error-rate");
            provider.commit(both);
            assertThat(first.canary().sampleSize()).as("the new pod's counts since its start are left out").isEqualTo(20);
            assertThat(first.canary().note()).isEqualTo("1 of 2 pods measured (new has no baseline yet: counted from the next run)");

            newPod.set(ServerCountersTestData.exposition("iris", 510, 0, 500, 1010, 0));
            MetricValues second = provider.measure(METRICS, both).get("error-rate");
            assertThat(second.canary().sampleSize()).isEqualTo(10);
            assertThat(second.canary().note()).isNull();
        }
    }

    @Test
    void onePodThatCannotBeReadIsReportedAndTheOthersStillCount() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        AtomicReference<String> text = new AtomicReference<>(ServerCountersTestData.exposition("iris", 10, 0, 0, 10, 0));
        try (TestingHttpServer good = serving(text);
             TestingHttpServer broken = new TestingHttpServer(p -> new TestingHttpServer.Answer(503, "not ready"))) {
            ModelServerMetricProvider provider = new ModelServerMetricProvider();
            PodEndpoint gone = new PodEndpoint("gone", "gone-uid", "127.0.0.1", closedPort);
            AnalysisTarget target = target(List.of(pod("good", good), gone), List.of(pod("b", broken)));
            provider.baseline(target);
            text.set(ServerCountersTestData.exposition("iris", 30, 0, 0, 30, 0));

            MetricValues values = provider.measure(List.of(metric("error-rate")), target).get("error-rate");
            assertThat(values.canary().sampleSize()).isEqualTo(20);
            assertThat(values.canary().note()).startsWith("1 of 2 pods measured (scraping gone at http://127.0.0.1:" + closedPort
                    + "/q/metrics failed");
            assertThat(values.stable().hasValue()).isFalse();
            assertThat(values.stable().error()).contains("HTTP 503");

            MetricValues none = provider.measure(List.of(metric("error-rate")), target(List.of(), List.of())).get("error-rate");
            assertThat(none.canary().error()).isEqualTo("no Ready pods to scrape");
        }
    }

    @Test
    void aPodThatHangsOrAnswersTooMuchIsReportedWithinTheBudget() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<String> text = new AtomicReference<>(ServerCountersTestData.exposition("iris", 10, 0, 0, 10, 0));
        try (TestingHttpServer good = serving(text);
             TestingHttpServer hanging = new TestingHttpServer(p -> {
                 try {
                     release.await(30, TimeUnit.SECONDS);
                 } catch (InterruptedException e) {
                     Thread.currentThread().interrupt();
                 }
                 return new TestingHttpServer.Answer(200, "");
             });
             TestingHttpServer huge = new TestingHttpServer(p -> new TestingHttpServer.Answer(200, "#".repeat(PodScraper.MAX_BODY_BYTES + 10)))) {
            Map<PodEndpoint, PodScraper.Reading> readings = new PodScraper(Duration.ofMillis(500)).scrape(
                    List.of(pod("good", good), pod("hanging", hanging), pod("huge", huge)), "iris");
            release.countDown();

            assertThat(readings.get(pod("good", good)).counters()).isNotNull();
            assertThat(readings.get(pod("hanging", hanging)).error()).isEqualTo("scraping hanging took longer than the 500 ms budget");
            assertThat(readings.get(pod("huge", huge)).error()).endsWith("failed: the metrics response is larger than 4 MiB");
        }
    }
}
