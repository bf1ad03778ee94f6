package io.mlrollout.operator.metrics;

import io.mlrollout.api.v1alpha1.MetricSpec;
import io.mlrollout.operator.analysis.BuiltInMetrics;
import io.mlrollout.operator.analysis.Measurement;
import io.mlrollout.operator.analysis.MetricValues;
import io.mlrollout.operator.analysis.ServerCounters;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in metrics, scraped from the model servers themselves: needs nothing installed. Each
 * run reads /q/metrics of every Ready pod and subtracts what the previous run read from the same
 * pod, so every value covers one interval. A pod seen for the first time counts from its start.
 */
public final class ModelServerMetricProvider implements MetricProvider {

    private static final Duration SCRAPE_TIMEOUT = Duration.ofSeconds(3);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(SCRAPE_TIMEOUT).build();
    private static final int REMEMBERED_PODS = 4096;

    // The last reading of each pod; the oldest are forgotten so that pod churn cannot grow it.
    private final Map<String, ServerCounters> lastSeen = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, ServerCounters> eldest) {
                    return size() > REMEMBERED_PODS;
                }
            });

    @Override
    public Map<String, MetricValues> measure(List<MetricSpec> metrics, AnalysisTarget target) {
        Side canary = scrape(target.canaryPods(), target.modelName());
        Side stable = scrape(target.stablePods(), target.modelName());
        Map<String, MetricValues> values = new HashMap<>();
        for (MetricSpec metric : metrics) {
            values.put(metric.getName(), new MetricValues(canary.measure(metric.getName(), target.interval()),
                    stable.measure(metric.getName(), target.interval())));
        }
        return values;
    }

    /** One side's counters over the interval, or why they could not be read. */
    private record Side(ServerCounters interval, String error) {
        Measurement measure(String metric, Duration length) {
            return error != null ? Measurement.noData(error, Measurement.UNKNOWN_SAMPLE) : BuiltInMetrics.measure(metric, interval, length);
        }
    }

    private Side scrape(List<PodEndpoint> pods, String model) {
        if (pods.isEmpty()) {
            return new Side(null, "no Ready pods to scrape");
        }
        List<ServerCounters> deltas = new ArrayList<>();
        for (PodEndpoint pod : pods) {
            try {
                ServerCounters now = ServerCounters.fromExposition(fetch(pod), model);
                String key = pod.uid() + "@" + pod.ip();
                ServerCounters before = lastSeen.put(key, now);
                deltas.add(now.since(before == null ? ServerCounters.ZERO : before));
            } catch (IOException e) {
                return new Side(null, "scraping " + pod.name() + " at " + pod.metricsUrl() + " failed: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Side(null, "interrupted while scraping " + pod.name());
            }
        }
        return new Side(ServerCounters.sum(deltas), null);
    }

    // A pooled connection the pod closed while idle fails once; a fresh connection is the cure.
    private String fetch(PodEndpoint pod) throws IOException, InterruptedException {
        try {
            return fetchOnce(pod);
        } catch (IOException first) {
            return fetchOnce(pod);
        }
    }

    private String fetchOnce(PodEndpoint pod) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(pod.metricsUrl())).timeout(SCRAPE_TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode());
        }
        return response.body();
    }
}
