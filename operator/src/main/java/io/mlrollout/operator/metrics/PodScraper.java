package io.mlrollout.operator.metrics;

import io.mlrollout.operator.analysis.ServerCounters;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads /q/metrics of many pods at once: every pod in parallel, all within one time budget, each
 * response bounded in size, so that one slow or huge pod cannot stall an analysis. A pod still
 * answering when the budget is spent has its exchange cancelled.
 */
class PodScraper {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);
    static final Duration BUDGET = Duration.ofSeconds(5);
    static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    /** A pod's counters, or why there are none. */
    record Reading(ServerCounters counters, String error) {
    }

    private final HttpClient http = PodHttpClients.create(REQUEST_TIMEOUT);
    private final Duration budget;

    PodScraper() {
        this(BUDGET);
    }

    PodScraper(Duration budget) {
        this.budget = budget;
    }

    Map<PodEndpoint, Reading> scrape(List<PodEndpoint> pods, String model) {
        Map<PodEndpoint, CompletableFuture<String>> started = new LinkedHashMap<>();
        for (PodEndpoint pod : pods) {
            started.put(pod, fetch(pod));
        }
        long deadline = System.nanoTime() + budget.toNanos();
        Map<PodEndpoint, Reading> readings = new LinkedHashMap<>();
        started.forEach((pod, body) -> readings.put(pod, await(pod, body, model, deadline)));
        return readings;
    }

    private Reading await(PodEndpoint pod, CompletableFuture<String> body, String model, long deadline) {
        try {
            String text = body.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return new Reading(ServerCounters.fromExposition(text, model), null);
        } catch (TimeoutException e) {
            body.cancel(true);
            return new Reading(null, "scraping " + pod.name() + " took longer than the " + budget.toMillis() + " ms budget");
        } catch (InterruptedException e) {
            body.cancel(true);
            Thread.currentThread().interrupt();
            return new Reading(null, "interrupted while scraping " + pod.name());
        } catch (ExecutionException e) {
            return new Reading(null, "scraping " + pod.name() + " at " + pod.metricsUrl() + " failed: " + message(e));
        }
    }

    /**
     * The body of one pod's metrics. The future is the client's own exchange, so cancelling it
     * aborts the request; it completes only once the whole (bounded) body has arrived, so a body
     * that stalls is covered by the budget as well. A pooled connection that the pod closed while
     * idle fails once: one retry on a fresh connection, still within the same future's budget.
     */
    private CompletableFuture<String> fetch(PodEndpoint pod) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(pod.metricsUrl())).timeout(REQUEST_TIMEOUT).GET().build();
        CompletableFuture<String> result = new CompletableFuture<>();
        CompletableFuture<HttpResponse<String>> first = http.sendAsync(request, info -> new BoundedBody(info.statusCode()));
        result.whenComplete((value, error) -> first.cancel(true));
        first.whenComplete((response, error) -> {
            if (error == null) {
                result.complete(response.body());
            } else if (cause(error) instanceof IOException && !result.isDone()) {
                CompletableFuture<HttpResponse<String>> second = http.sendAsync(request, info -> new BoundedBody(info.statusCode()));
                result.whenComplete((value, e) -> second.cancel(true));
                second.whenComplete((retried, again) -> {
                    if (again == null) {
                        result.complete(retried.body());
                    } else {
                        result.completeExceptionally(cause(again));
                    }
                });
            } else {
                result.completeExceptionally(cause(error));
            }
        });
        return result;
    }

    /** Collects a 200 body up to {@link #MAX_BODY_BYTES}; anything else fails the exchange. */
    private static final class BoundedBody implements HttpResponse.BodySubscriber<String> {

        private final int status;
        private final CompletableFuture<String> body = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        BoundedBody(int status) {
            this.status = status;
        }

        @Override
        public CompletionStage<String> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (status != 200) {
                subscription.cancel();
                body.completeExceptionally(new IllegalStateException("HTTP " + status));
                return;
            }
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
            if (bytes.size() > MAX_BODY_BYTES && !body.isDone()) {
                subscription.cancel();
                body.completeExceptionally(new IllegalStateException("the metrics response is larger than "
                        + MAX_BODY_BYTES / (1024 * 1024) + " MiB"));
            }
        }

        @Override
        public void onError(Throwable error) {
            body.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            body.complete(bytes.toString(StandardCharsets.UTF_8));
        }
    }

    private static Throwable cause(Throwable e) {
        Throwable cause = e;
        while ((cause instanceof java.util.concurrent.CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String message(Throwable e) {
        Throwable cause = cause(e);
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
