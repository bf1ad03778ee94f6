package io.mlrollout.operator.analysis;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The model-server counters of one pod (or a sum of pods) at one moment: requests by outcome and
 * the cumulative latency histogram. Two snapshots give an interval.
 */
public record ServerCounters(OutcomeCounts outcomes, TreeMap<Double, Double> latencyBuckets, double processStart) {

    public static final String REQUESTS = "model_inference_requests_total";
    public static final String DURATION_BUCKETS = "model_inference_duration_seconds_bucket";
    /** When the process that counts started (seconds since the epoch): a different value means a restart. */
    public static final String PROCESS_START = "process_start_time_seconds";

    public static final ServerCounters ZERO = new ServerCounters(OutcomeCounts.ZERO, new TreeMap<>());

    /** Counters of no single process (a sum, an interval, a test), so no start time. */
    public ServerCounters(OutcomeCounts outcomes, TreeMap<Double, Double> latencyBuckets) {
        this(outcomes, latencyBuckets, Double.NaN);
    }

    /** Reads one pod's exposition text, keeping only the series of the given model. */
    public static ServerCounters fromExposition(String text, String model) {
        OutcomeCounts outcomes = OutcomeCounts.ZERO;
        TreeMap<Double, Double> buckets = new TreeMap<>();
        double processStart = Double.NaN;
        for (PrometheusText.Sample sample : PrometheusText.parse(text, "model_inference_", PROCESS_START)) {
            if (PROCESS_START.equals(sample.name())) {
                processStart = sample.value();
                continue;
            }
            if (!model.equals(sample.labels().get("model"))) {
                continue;
            }
            if (REQUESTS.equals(sample.name())) {
                Optional<RequestOutcome> outcome = RequestOutcome.fromLabel(sample.labels().getOrDefault("outcome", ""));
                if (outcome.isPresent()) {
                    outcomes = outcomes.with(outcome.get(), outcomes.get(outcome.get()) + sample.value());
                }
            } else if (DURATION_BUCKETS.equals(sample.name()) && sample.labels().containsKey("le")) {
                buckets.merge(upperBound(sample.labels().get("le")), sample.value(), Double::sum);
            }
        }
        return new ServerCounters(outcomes, buckets, processStart);
    }

    public double requests() {
        return outcomes.total();
    }

    public double clientErrors() {
        return outcomes.get(RequestOutcome.CLIENT_ERROR);
    }

    /**
     * What happened between {@code earlier} and this snapshot. A process that restarted in between
     * (another start time, or a counter that went down where no start time is exported) counted
     * everything it has since the restart.
     */
    public ServerCounters since(ServerCounters earlier) {
        if (restartedSince(earlier)) {
            return this;
        }
        TreeMap<Double, Double> delta = new TreeMap<>();
        latencyBuckets.forEach((le, count) -> delta.put(le, Math.max(0, count - earlier.latencyBuckets.getOrDefault(le, 0.0))));
        return new ServerCounters(outcomes.minus(earlier.outcomes), delta);
    }

    private boolean restartedSince(ServerCounters earlier) {
        if (!Double.isNaN(processStart) && !Double.isNaN(earlier.processStart) && processStart != earlier.processStart) {
            return true;
        }
        return outcomes.anyBelow(earlier.outcomes);
    }

    public ServerCounters plus(ServerCounters other) {
        TreeMap<Double, Double> sum = new TreeMap<>(latencyBuckets);
        other.latencyBuckets.forEach((le, count) -> sum.merge(le, count, Double::sum));
        return new ServerCounters(outcomes.plus(other.outcomes), sum);
    }

    public static ServerCounters sum(List<ServerCounters> all) {
        return all.stream().reduce(ZERO, ServerCounters::plus);
    }

    public Map<Double, Double> buckets() {
        return latencyBuckets;
    }

    private static double upperBound(String le) {
        return "+Inf".equals(le) ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
    }
}
