package io.mlrollout.e2e.traffic;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends real Open Inference Protocol v2 requests at a steady rate through a {@link Routing} and
 * records every one. Bounded in count and time by its plan; sends only to loopback addresses.
 */
public final class TrafficGenerator implements AutoCloseable {

    private static final int MAX_IN_FLIGHT = 64;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    /** Typical rows of the three iris classes; the models take FP32 [n,4]. */
    private static final List<String> ROWS = List.of("[5.0,3.4,1.5,0.2]", "[5.9,2.8,4.3,1.3]", "[6.6,3.0,5.6,2.1]");

    private final TrafficPlan plan;
    private final Routing routing;
    private final TrafficRecord record = new TrafficRecord();
    private final ExecutorService io = Executors.newFixedThreadPool(4, daemon("traffic-io"));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).executor(io).build();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon("traffic-ticker"));
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger skipped = new AtomicInteger();
    private final Instant deadline;

    private TrafficGenerator(TrafficPlan plan, Routing routing) {
        this.plan = plan;
        this.routing = routing;
        this.deadline = Instant.now().plus(plan.maxDuration());
    }

    public static TrafficGenerator start(TrafficPlan plan, Routing routing) {
        TrafficGenerator generator = new TrafficGenerator(plan, routing);
        long periodMicros = Math.max(1, (long) (1_000_000 / plan.requestsPerSecond()));
        generator.ticker.scheduleAtFixedRate(generator::tick, 0, periodMicros, TimeUnit.MICROSECONDS);
        return generator;
    }

    public TrafficRecord record() {
        return record;
    }

    /** Requests not sent because {@value #MAX_IN_FLIGHT} were already waiting: the generator, not the cluster, was slow. */
    public int skipped() {
        return skipped.get();
    }

    /** Stops sending and waits (bounded) for the requests in flight. */
    @Override
    public void close() {
        ticker.shutdownNow();
        try {
            inFlight.tryAcquire(MAX_IN_FLIGHT, REQUEST_TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        io.shutdownNow();
    }

    private void tick() {
        if (sent.get() >= plan.maxRequests() || Instant.now().isAfter(deadline)) {
            ticker.shutdown();
            return;
        }
        if (!inFlight.tryAcquire()) {
            skipped.incrementAndGet();
            return;
        }
        int n = sent.getAndIncrement();
        Instant start = Instant.now();
        Optional<Backend> backend = Optional.empty();
        try {
            backend = routing.pick();
            if (backend.isEmpty()) {
                record.add(new RequestRecord(start, 0, null, null, 0, Outcome.NO_ENDPOINT));
                inFlight.release();
                return;
            }
            send(backend.get(), ROWS.get(n % ROWS.size()), start);
        } catch (RuntimeException e) {
            // An exception would silently end a scheduled task: record the request as failed instead.
            String version = backend.map(Backend::version).orElse(null);
            record.add(new RequestRecord(start, 0, version, backend.map(Backend::pod).orElse(null), 0, Outcome.CONNECTION_ERROR));
            inFlight.release();
        }
    }

    private void send(Backend backend, String row, Instant start) {
        URI uri = backend.baseUri().resolve("/v2/models/" + plan.model() + "/infer");
        requireLoopback(uri);
        String body = "{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[1,4],\"data\":" + row + "}]}";
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long t0 = System.nanoTime();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            long micros = (System.nanoTime() - t0) / 1000;
            int status = response == null ? 0 : response.statusCode();
            Outcome outcome = error != null ? Outcome.CONNECTION_ERROR : Outcome.ofStatus(status);
            record.add(new RequestRecord(start, micros, backend.version(), backend.pod(), status, outcome));
            inFlight.release();
        });
    }

    // Load goes to this machine only: a pod address off loopback is a bug in the cluster, never a target.
    private static void requireLoopback(URI uri) {
        try {
            if (!InetAddress.getByName(uri.getHost()).isLoopbackAddress()) {
                throw new IllegalStateException("refusing to send traffic off loopback: " + uri);
            }
        } catch (UnknownHostException e) {
            throw new IllegalStateException("cannot resolve " + uri, e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
