package io.mlrollout.operator.metrics;

import io.mlrollout.operator.analysis.ServerCounters;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads /q/metrics of many pods at once: every pod in parallel, all within one time budget, each
 * response bounded in size, so that one slow or huge pod cannot stall an analysis.
 */
class PodScraper {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);
    static final Duration BUDGET = Duration.ofSeconds(5);
    static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    /** A pod's counters, or why there are none. */
    record Reading(ServerCounters counters, String error) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
    private final Duration budget;

    PodScraper() {
        this(BUDGET);
    }

    PodScraper(Duration budget) {
        this.budget = budget;
    }

    Map<PodEndpoint, Reading> scrape(List<PodEndpoint> pods, String model) {
        Map<PodEndpoint, CompletableFuture<Reading>> started = new LinkedHashMap<>();
        for (PodEndpoint pod : pods) {
            started.put(pod, fetch(pod, true).thenApply(text -> new Reading(ServerCounters.fromExposition(text, model), null))
                    .exceptionally(e -> new Reading(null, "scraping " + pod.name() + " at " + pod.metricsUrl() + " failed: "
                            + message(e))));
        }
        long deadline = System.nanoTime() + budget.toNanos();
        Map<PodEndpoint, Reading> readings = new LinkedHashMap<>();
        started.forEach((pod, reading) -> readings.put(pod, await(pod, reading, deadline)));
        return readings;
    }

    private Reading await(PodEndpoint pod, CompletableFuture<Reading> reading, long deadline) {
        try {
            return reading.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            reading.cancel(true);
            return new Reading(null, "scraping " + pod.name() + " took longer than the " + budget.toMillis() + " ms budget");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reading(null, "interrupted while scraping " + pod.name());
        } catch (ExecutionException e) {
            return new Reading(null, "scraping " + pod.name() + " failed: " + message(e));
        }
    }

    // A pooled connection the pod closed while idle fails once; a fresh connection is the cure.
    private CompletableFuture<String> fetch(PodEndpoint pod, boolean retry) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(pod.metricsUrl())).timeout(REQUEST_TIMEOUT).GET().build();
        CompletableFuture<String> body = http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()).thenApply(PodScraper::bounded);
        return retry ? body.exceptionallyCompose(e -> e.getCause() instanceof IOException || e instanceof IOException
                ? fetch(pod, false) : CompletableFuture.failedFuture(e)) : body;
    }

    private static String bounded(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode());
            }
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new IllegalStateException("the metrics response is larger than " + MAX_BODY_BYTES / (1024 * 1024) + " MiB");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String message(Throwable e) {
        Throwable cause = e;
        while ((cause instanceof java.util.concurrent.CompletionException || cause instanceof ExecutionException
                || cause instanceof java.io.UncheckedIOException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
