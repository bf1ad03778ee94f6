package io.mlrollout.e2e.traffic;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

/** Every request the generator sent, in the order they finished; safe to read while traffic runs. */
public final class TrafficRecord {

    private final ConcurrentLinkedQueue<RequestRecord> requests = new ConcurrentLinkedQueue<>();

    void add(RequestRecord request) {
        requests.add(request);
    }

    public List<RequestRecord> all() {
        return new ArrayList<>(requests);
    }

    public long count(Predicate<RequestRecord> which) {
        return requests.stream().filter(which).count();
    }

    public long total() {
        return requests.size();
    }

    public long failed() {
        return count(RequestRecord::failed);
    }

    public long servedBy(String version) {
        return count(r -> version.equals(r.version()));
    }

    public long failedServedBy(String version) {
        return count(r -> r.failed() && version.equals(r.version()));
    }

    public Optional<Instant> firstRequestTo(String version) {
        return requests.stream().filter(r -> version.equals(r.version())).map(RequestRecord::sentAt).min(Instant::compareTo);
    }

    public Optional<Instant> lastRequestTo(String version) {
        return requests.stream().filter(r -> version.equals(r.version())).map(RequestRecord::sentAt).max(Instant::compareTo);
    }

    /** The share of requests sent in [from, to) that went to {@code version}; NaN when none were sent. */
    public double shareOf(String version, Instant from, Instant to) {
        List<RequestRecord> window = requests.stream().filter(r -> !r.sentAt().isBefore(from) && r.sentAt().isBefore(to)).toList();
        return window.isEmpty() ? Double.NaN : (double) window.stream().filter(r -> version.equals(r.version())).count() / window.size();
    }

    /** Requests per version and outcome, then the last failures: what a failed scenario prints. */
    public String summary() {
        Map<String, Map<Outcome, Long>> table = new TreeMap<>();
        for (RequestRecord r : requests) {
            table.computeIfAbsent(r.version() == null ? "(no endpoint)" : r.version(), v -> new EnumMap<>(Outcome.class))
                    .merge(r.outcome(), 1L, Long::sum);
        }
        StringBuilder text = new StringBuilder("traffic: " + total() + " requests, " + failed() + " failed\n");
        table.forEach((version, outcomes) -> text.append("  version ").append(version).append(": ").append(outcomes)
                .append(firstRequestTo(version).map(t -> ", first " + t + ", last " + lastRequestTo(version).orElseThrow()).orElse(""))
                .append('\n'));
        List<RequestRecord> failures = requests.stream().filter(RequestRecord::failed).toList();
        failures.subList(Math.max(0, failures.size() - 10), failures.size())
                .forEach(f -> text.append("  failed: ").append(f).append('\n'));
        return text.toString();
    }
}
