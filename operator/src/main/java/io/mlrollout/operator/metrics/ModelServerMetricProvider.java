package io.mlrollout.operator.metrics;

import io.mlrollout.api.v1alpha1.MetricSpec;
import io.mlrollout.operator.analysis.BuiltInMetrics;
import io.mlrollout.operator.analysis.Measurement;
import io.mlrollout.operator.analysis.MetricValues;
import io.mlrollout.operator.analysis.ServerCounters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in metrics, scraped from the model servers themselves: needs nothing installed. Each
 * run reads /q/metrics of every Ready pod (in parallel, within a time budget) and subtracts the
 * reading of the same pod that the last recorded analysis used, so every value covers one interval.
 *
 * <p>Readings become the next baseline only once the analysis that used them is recorded
 * ({@link #commit}): a reconcile that fails after scraping does not use up the interval. A pod
 * without a baseline (new, or the operator restarted) contributes from its next reading on, never
 * its counts since it started. A pod that cannot be read is reported; the others still count.
 */
public final class ModelServerMetricProvider implements MetricProvider {

    private static final int REMEMBERED_PODS = 4096;

    private final PodScraper scraper;
    private final Map<String, ServerCounters> baselines = boundedMap();
    private final Map<String, ServerCounters> pending = boundedMap();

    public ModelServerMetricProvider() {
        this(new PodScraper());
    }

    ModelServerMetricProvider(PodScraper scraper) {
        this.scraper = scraper;
    }

    @Override
    public Map<String, MetricValues> measure(List<MetricSpec> metrics, AnalysisTarget target) {
        // Readings of an earlier run that was never recorded must not become baselines later.
        all(target).forEach(pod -> pending.remove(key(pod)));
        Map<PodEndpoint, PodScraper.Reading> readings = scraper.scrape(all(target), target.modelName());
        Side canary = side(target.canaryPods(), readings);
        Side stable = side(target.stablePods(), readings);
        Map<String, MetricValues> values = new HashMap<>();
        for (MetricSpec metric : metrics) {
            values.put(metric.getName(), new MetricValues(canary.measure(metric.getName(), target),
                    stable.measure(metric.getName(), target)));
        }
        return values;
    }

    /** The readings of the last {@link #measure} become the baselines of the next run. */
    @Override
    public void commit(AnalysisTarget target) {
        for (PodEndpoint pod : all(target)) {
            ServerCounters reading = pending.remove(key(pod));
            if (reading != null) {
                baselines.put(key(pod), reading);
            }
        }
    }

    /** A window starts: what the pods have counted so far is not part of it. */
    @Override
    public void baseline(AnalysisTarget target) {
        scraper.scrape(all(target), target.modelName()).forEach((pod, reading) -> {
            if (reading.counters() != null) {
                baselines.put(key(pod), reading.counters());
            }
        });
    }

    @Override
    public boolean hasBaseline(AnalysisTarget target) {
        return target.canaryPods().isEmpty() || target.canaryPods().stream().anyMatch(pod -> baselines.containsKey(key(pod)));
    }

    private Side side(List<PodEndpoint> pods, Map<PodEndpoint, PodScraper.Reading> readings) {
        if (pods.isEmpty()) {
            return new Side(null, "no Ready pods to scrape", null);
        }
        List<ServerCounters> deltas = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (PodEndpoint pod : pods) {
            PodScraper.Reading reading = readings.get(pod);
            if (reading.counters() == null) {
                problems.add(reading.error());
                continue;
            }
            pending.put(key(pod), reading.counters());
            ServerCounters before = baselines.get(key(pod));
            if (before == null) {
                problems.add(pod.name() + " has no baseline yet: counted from the next run");
            } else {
                deltas.add(reading.counters().since(before));
            }
        }
        if (deltas.isEmpty()) {
            return new Side(null, String.join("; ", problems), null);
        }
        String note = problems.isEmpty() ? null
                : deltas.size() + " of " + pods.size() + " pods measured (" + String.join("; ", problems) + ")";
        return new Side(ServerCounters.sum(deltas), null, note);
    }

    /** One side's counters over the interval, or why they could not be read. */
    private record Side(ServerCounters interval, String error, String note) {
        Measurement measure(String metric, AnalysisTarget target) {
            if (error != null) {
                return Measurement.noData(error, Measurement.UNKNOWN_SAMPLE);
            }
            Measurement measured = BuiltInMetrics.measure(metric, interval, target.interval());
            return note == null ? measured : measured.withNote(note);
        }
    }

    private static List<PodEndpoint> all(AnalysisTarget target) {
        List<PodEndpoint> pods = new ArrayList<>(target.canaryPods());
        pods.addAll(target.stablePods());
        return pods;
    }

    private static String key(PodEndpoint pod) {
        return pod.uid() + "@" + pod.ip();
    }

    // The oldest readings are forgotten, so that pod churn cannot grow them.
    private static Map<String, ServerCounters> boundedMap() {
        return Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ServerCounters> eldest) {
                return size() > REMEMBERED_PODS;
            }
        });
    }
}
