package io.mlrollout.router.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.mlrollout.router.resilience.FallbackReason;
import io.mlrollout.router.resilience.Outcome;
import io.mlrollout.router.routing.Role;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * The router's series, the contract the operator's {@code router} metric provider reads (names in
 * router/README.md). Attempts are counted per version and role, so a canary failure that the stable
 * version then answered still counts against the canary; what users got is counted apart.
 */
public final class RouterMetrics {

    /**
     * Histogram bounds in seconds, the model server's: fine below 1 ms for the router's own overhead,
     * neighbours at most a factor 1.25 apart from 1 ms to 1 s, coarse up to 10 s.
     */
    static final double[] BUCKET_SECONDS = bucketSeconds();

    private final MeterRegistry registry;
    private final Duration[] buckets;
    private final Map<FallbackReason, Counter> fallbacks = new EnumMap<>(FallbackReason.class);
    private final Map<Role, Counter> routed = new EnumMap<>(Role.class);
    private final Map<Outcome, Counter> responses = new EnumMap<>(Outcome.class);
    private final Map<AttemptKey, Counter> attempts = new ConcurrentHashMap<>();
    private final Map<DurationKey, Timer> durations = new ConcurrentHashMap<>();

    public RouterMetrics(MeterRegistry registry, IntSupplier canaryWeight, BooleanSupplier canaryEjected) {
        this.registry = registry;
        this.buckets = Arrays.stream(BUCKET_SECONDS).mapToObj(s -> Duration.ofNanos(Math.round(s * 1e9))).toArray(Duration[]::new);
        for (FallbackReason reason : FallbackReason.values()) {
            fallbacks.put(reason, Counter.builder("router.fallbacks").tag("reason", reason.label())
                    .description("canary requests retried on the stable version").register(registry));
        }
        for (Role role : Role.values()) {
            routed.put(role, Counter.builder("router.routed").tag("role", role.label())
                    .description("requests whose first attempt went to this role (pinned ones included)").register(registry));
        }
        for (Outcome outcome : Outcome.values()) {
            responses.put(outcome, Counter.builder("router.responses").tag("outcome", outcome.label())
                    .description("answers the users got, after any fallback").register(registry));
        }
        Gauge.builder("router.canary.weight", canaryWeight::getAsInt)
                .description("the canary's share in percent in effect in this router").register(registry);
        Gauge.builder("router.canary.ejected", () -> canaryEjected.getAsBoolean() ? 1 : 0)
                .description("1 while this router sends the canary no new traffic by the fast-fail rule").register(registry);
    }

    /**
     * One attempt on one version. The series of a version appear with its first attempt; the meters
     * are kept, as building a 51-bucket timer and looking it up in the registry on every request is
     * most of what counting would otherwise cost.
     */
    public void attempt(String version, Role role, Outcome outcome, long nanos) {
        attempts.computeIfAbsent(new AttemptKey(version, role, outcome), key -> Counter.builder("router.requests")
                .tag("version", version).tag("role", role.label()).tag("outcome", outcome.label())
                .description("attempts on each version, fallbacks included").register(registry)).increment();
        durations.computeIfAbsent(new DurationKey(version, role), key -> Timer.builder("router.request.duration")
                .tag("version", version).tag("role", role.label())
                .description("time from sending an attempt to its whole answer or failure")
                .serviceLevelObjectives(buckets).register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    private record AttemptKey(String version, Role role, Outcome outcome) {
    }

    private record DurationKey(String version, Role role) {
    }

    public void routed(Role role) {
        routed.get(role).increment();
    }

    public void fallback(FallbackReason reason) {
        fallbacks.get(reason).increment();
    }

    public void response(int status) {
        responses.get(Outcome.ofStatus(status)).increment();
    }

    public void response(Outcome outcome) {
        responses.get(outcome).increment();
    }

    private static double[] bucketSeconds() {
        double[] steps = {1, 1.25, 1.5, 1.75, 2, 2.5, 3, 3.5, 4, 5, 6, 7, 8};
        double[] below = {0.0001, 0.00025, 0.0005, 0.00075};
        double[] above = {1, 1.5, 2, 3, 4, 5, 7.5, 10};
        double[] all = new double[below.length + 3 * steps.length + above.length];
        int i = 0;
        for (double b : below) {
            all[i++] = b;
        }
        for (double decade : new double[] {0.001, 0.01, 0.1}) {
            for (double step : steps) {
                all[i++] = Math.round(step * decade * 1e6) / 1e6;
            }
        }
        for (double b : above) {
            all[i++] = b;
        }
        return all;
    }
}
