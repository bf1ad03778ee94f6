package io.mlrollout.modelserver.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The metrics contract the operator judges canaries by. Names are stable; do not rename:
 *
 * <ul>
 *   <li>{@code model_inference_requests_total{model,version,outcome}}
 *   <li>{@code model_inference_duration_seconds{model,version,outcome}} histogram
 *   <li>{@code model_loaded{model,version}} 1 when ready, else 0
 *   <li>{@code model_predictions_total{model,version,class}} argmax class counts of classifiers
 * </ul>
 *
 * Every series is registered up front for the one configured model (so rates start from zero and
 * label values stay bounded); requests for other model names are not recorded here at all.
 */
@ApplicationScoped
public class InferenceMetrics {

    /** Request outcomes, as the {@code outcome} label spells them. */
    public enum Outcome {
        SUCCESS("success"),
        CLIENT_ERROR("client_error"),
        SERVER_ERROR("server_error");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * Histogram bounds in seconds: round values at most a factor 1.25 apart from 1 ms to 1 s (1, 1.25, 1.5,
     * 1.75, 2, 2.5, 3, 3.5, 4, 5, 6, 7, 8 per decade), so a quantile read as the upper bound of its bucket
     * is at most 25 % above the true value for typical model latencies; coarser below 1 ms and above 1 s,
     * down to 0.1 ms and up to 10 s.
     */
    static final double[] BUCKET_SECONDS = {
        0.0001, 0.00025, 0.0005, 0.00075,
        0.001, 0.00125, 0.0015, 0.00175, 0.002, 0.0025, 0.003, 0.0035, 0.004, 0.005, 0.006, 0.007, 0.008,
        0.01, 0.0125, 0.015, 0.0175, 0.02, 0.025, 0.03, 0.035, 0.04, 0.05, 0.06, 0.07, 0.08,
        0.1, 0.125, 0.15, 0.175, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7, 0.8,
        1, 1.5, 2, 3, 4, 5, 7.5, 10
    };

    private final MeterRegistry registry;
    private volatile Tags modelTags = Tags.empty();
    private volatile RequestSeries requestSeries;
    private volatile Counter[] predictions = new Counter[0];

    public InferenceMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public synchronized void registerModel(String name, String version, BooleanSupplier loaded) {
        modelTags = Tags.of("model", name, "version", version);
        Gauge.builder("model.loaded", () -> loaded.getAsBoolean() ? 1 : 0)
                .description("1 when the model is loaded and serving, else 0")
                .tags(modelTags)
                .register(registry);
        // Rounded, not truncated: s * 1e9 need not come out as an exact integer in floating point.
        Duration[] buckets = Arrays.stream(BUCKET_SECONDS).mapToObj(s -> Duration.ofNanos(Math.round(s * 1e9))).toArray(Duration[]::new);
        Counter[] newRequests = new Counter[Outcome.values().length];
        Timer[] newDurations = new Timer[Outcome.values().length];
        for (Outcome outcome : Outcome.values()) {
            Tags tags = modelTags.and("outcome", outcome.label());
            newRequests[outcome.ordinal()] = Counter.builder("model.inference.requests")
                    .description("Inference requests by outcome").tags(tags).register(registry);
            newDurations[outcome.ordinal()] = Timer.builder("model.inference.duration")
                    .description("Inference request duration, from body received to response ready")
                    .tags(tags).serviceLevelObjectives(buckets).register(registry);
        }
        requestSeries = new RequestSeries(newRequests, newDurations);
    }

    /** Published together so a reader never sees counters without their timers. */
    private record RequestSeries(Counter[] requests, Timer[] durations) {}

    /** Registers one prediction counter per class label, in output column order. */
    public synchronized void registerClasses(List<String> labels) {
        predictions = labels.stream()
                .map(label -> Counter.builder("model.predictions")
                        .description("Rows predicted as each class (argmax)")
                        .tags(modelTags.and("class", label)).register(registry))
                .toArray(Counter[]::new);
    }

    /** Ignored before {@link #registerModel}: nothing can be served before then anyway. */
    public void recordRequest(Outcome outcome, long durationNanos) {
        RequestSeries series = requestSeries;
        if (series != null) {
            series.requests()[outcome.ordinal()].increment();
            series.durations()[outcome.ordinal()].record(durationNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** @param counts rows per class index, as {@code InferenceResult.predictedClassCounts()} */
    public void recordPredictions(long[] counts) {
        Counter[] counters = predictions;
        for (int i = 0; i < counts.length && i < counters.length; i++) {
            if (counts[i] > 0) {
                counters[i].increment(counts[i]);
            }
        }
    }
}
