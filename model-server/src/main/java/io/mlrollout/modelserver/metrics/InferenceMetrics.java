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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * The metrics contract the operator judges canaries by. Names are stable; do not rename:
 *
 * <ul>
 *   <li>{@code model_inference_requests_total{model,version,outcome}}
 *   <li>{@code model_inference_duration_seconds{model,version,outcome}} histogram
 *   <li>{@code model_inference_queue_seconds{model,version}} and {@code model_inference_compute_seconds{model,version}}
 *       histograms: time waiting for an engine call, and the engine call itself
 *   <li>{@code model_inference_queue_depth{model,version}} and {@code model_inference_in_flight{model,version}} gauges
 *   <li>{@code model_loaded{model,version}} 1 when ready, else 0
 *   <li>{@code model_predictions_total{model,version,class}} argmax class counts of classifiers
 * </ul>
 *
 * Every series is registered up front for the one configured model (so rates start from zero and
 * label values stay bounded); requests for other model names are not recorded here at all.
 */
@ApplicationScoped
public class InferenceMetrics {

    /**
     * Request outcomes, as the {@code outcome} label spells them. An overloaded server's refusals and
     * requests that ran out of time are apart from other server errors, so the operator can tell an
     * overloaded canary from a broken one.
     */
    public enum Outcome {
        SUCCESS("success"),
        CLIENT_ERROR("client_error"),
        SERVER_ERROR("server_error"),
        /** Refused at once because the queue (requests or bytes) was full: HTTP 503. */
        REJECTED("rejected"),
        /** Not answered within INFERENCE_TIMEOUT: HTTP 503. */
        TIMEOUT("timeout");

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
    private volatile Timer queueTime;
    private volatile Timer computeTime;
    private final AtomicInteger inFlight = new AtomicInteger();

    public InferenceMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** @param queueDepth requests waiting for an engine call */
    public synchronized void registerModel(String name, String version, BooleanSupplier loaded, IntSupplier queueDepth) {
        modelTags = Tags.of("model", name, "version", version);
        Gauge.builder("model.loaded", () -> loaded.getAsBoolean() ? 1 : 0)
                .description("1 when the model is loaded and serving, else 0")
                .tags(modelTags)
                .register(registry);
        Gauge.builder("model.inference.queue.depth", queueDepth::getAsInt)
                .description("Inference requests waiting for an engine call").tags(modelTags).register(registry);
        Gauge.builder("model.inference.in.flight", inFlight, AtomicInteger::get)
                .description("Inference requests received and not yet answered").tags(modelTags).register(registry);
        // Rounded, not truncated: s * 1e9 need not come out as an exact integer in floating point.
        Duration[] buckets = Arrays.stream(BUCKET_SECONDS).mapToObj(s -> Duration.ofNanos(Math.round(s * 1e9))).toArray(Duration[]::new);
        queueTime = Timer.builder("model.inference.queue")
                .description("Time from a request's arrival at the queue to the start of its engine call")
                .tags(modelTags).serviceLevelObjectives(buckets).register(registry);
        computeTime = Timer.builder("model.inference.compute")
                .description("Duration of the engine call that predicted a request (shared by a batch's requests)")
                .tags(modelTags).serviceLevelObjectives(buckets).register(registry);
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

    /** Time a request waited for its engine call (0 when it ran at once) and the call's duration. */
    public void recordEngineCall(long queueNanos, long computeNanos) {
        Timer queue = queueTime;
        Timer compute = computeTime;
        if (queue != null && compute != null) {
            queue.record(queueNanos, TimeUnit.NANOSECONDS);
            compute.record(computeNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** A request of the served model was received; {@link #requestFinished()} when it is answered. */
    public void requestStarted() {
        inFlight.incrementAndGet();
    }

    public void requestFinished() {
        inFlight.decrementAndGet();
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
