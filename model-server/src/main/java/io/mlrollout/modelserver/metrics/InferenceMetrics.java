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

    /** Fine from 0.1 ms to 10 s (at most a factor 1.5 between bounds) so p50/p95/p99 interpolate well. */
    static final double[] BUCKET_SECONDS = {
        0.0001, 0.00025, 0.0005, 0.00075, 0.001, 0.0015, 0.002, 0.003, 0.004, 0.005, 0.0075,
        0.01, 0.015, 0.02, 0.03, 0.04, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75,
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
        Duration[] buckets = Arrays.stream(BUCKET_SECONDS).mapToObj(s -> Duration.ofNanos((long) (s * 1e9))).toArray(Duration[]::new);
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
