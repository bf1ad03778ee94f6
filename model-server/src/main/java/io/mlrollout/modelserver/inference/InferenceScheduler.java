package io.mlrollout.modelserver.inference;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The queue in front of the engine: validated requests wait here for one of a fixed set of runner
 * threads, which may join several into one engine call ({@link BatchRunner}). The queue is bounded
 * in requests and in bytes, and a full one refuses at once ({@link OverloadedException}); every
 * request has a deadline, and one still queued at its deadline leaves the queue and is never run
 * late.
 *
 * <p>Deadlines are enforced by one sweeper thread rather than a timer per request: a per-request
 * timer wakes a timer thread on every request, which costs a context switch each time on small
 * machines.
 */
public final class InferenceScheduler implements AutoCloseable {

    /**
     * The engine call a request needs; {@link ServedModel#engine()} in production. Requests share a
     * call only when they carry the same instance.
     */
    @FunctionalInterface
    public interface Engine {
        List<Tensor> predict(List<Tensor> validatedInputs) throws InterruptedException;
    }

    /**
     * @param batchable whether it may share an engine call (every input takes a batch of rows)
     * @param bytes the size of the request body, counted against the queue's byte bound
     */
    public record Request(Engine engine, List<Tensor> inputs, boolean batchable, long bytes) {}

    /** Every output of the engine for this request's rows, and where its time went. */
    public record Prediction(List<Tensor> outputs, long queueNanos, long computeNanos, int batchedRequests) {}

    private final SchedulerSettings settings;
    private final LinkedBlockingDeque<QueuedRequest> queue = new LinkedBlockingDeque<>();
    private final Set<QueuedRequest> unanswered = ConcurrentHashMap.newKeySet();
    private final AtomicLong bytes = new AtomicLong();
    private final ScheduledExecutorService sweeper;
    private final List<Thread> runners;

    public InferenceScheduler(SchedulerSettings settings) {
        this.settings = settings;
        this.sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "inference-deadlines"));
        long period = Math.max(1, settings.deadlineResolution().toMillis());
        sweeper.scheduleAtFixedRate(this::expireOverdue, period, period, TimeUnit.MILLISECONDS);
        BatchRunner batches = new BatchRunner(queue, settings.maxBatchRows(), settings.maxBatchDelay().toNanos());
        this.runners = java.util.stream.IntStream.rangeClosed(1, settings.runners())
                .mapToObj(i -> daemon(batches::runUntilInterrupted, "inference-" + i))
                .toList();
        runners.forEach(Thread::start);
    }

    /**
     * Queues a validated request. The future fails with {@link TimeoutException} once {@code timeoutNanos}
     * have passed, with {@link OverloadedException} at once when the queue is full, or with what the
     * engine threw.
     */
    public CompletableFuture<Prediction> submit(Request request, long timeoutNanos) {
        long now = System.nanoTime();
        QueuedRequest queued = new QueuedRequest(request, now, now + timeoutNanos);
        if (queue.size() >= settings.queueCapacity()) {
            queued.result().completeExceptionally(new OverloadedException(queue.size() + " requests already queued",
                    "INFERENCE_QUEUE_CAPACITY"));
            return queued.result();
        }
        if (!reserveBytes(request.bytes())) {
            queued.result().completeExceptionally(new OverloadedException("queued request bodies would exceed "
                    + settings.queueMaxBytes() + " bytes", "INFERENCE_QUEUE_MAX_BYTES"));
            return queued.result();
        }
        unanswered.add(queued);
        queued.result().whenComplete((prediction, error) -> {
            unanswered.remove(queued);
            bytes.addAndGet(-request.bytes());
        });
        queue.offerLast(queued);
        return queued.result();
    }

    private boolean reserveBytes(long wanted) {
        for (long current = bytes.get(); ; current = bytes.get()) {
            if (current + wanted > settings.queueMaxBytes()) {
                return false;
            }
            if (bytes.compareAndSet(current, current + wanted)) {
                return true;
            }
        }
    }

    private void expireOverdue() {
        long now = System.nanoTime();
        for (QueuedRequest queued : unanswered) {
            if (now - queued.deadline() >= 0) {
                // Out of the queue before the caller hears of it; a no-op when a runner already holds it,
                // and a runner skips answered requests.
                queue.remove(queued);
                queued.result().completeExceptionally(new TimeoutException());
            }
        }
    }

    /** Requests waiting for a runner. */
    public int queueDepth() {
        return queue.size();
    }

    /** Bytes of the bodies of requests accepted and not yet answered. */
    public long queuedBytes() {
        return bytes.get();
    }

    public SchedulerSettings settings() {
        return settings;
    }

    /** Stops the runners (an engine call in progress finishes) and fails what is still queued. */
    @Override
    public void close() {
        sweeper.shutdownNow();
        runners.forEach(Thread::interrupt);
        for (Thread runner : runners) {
            try {
                runner.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        unanswered.forEach(queued -> queued.result().completeExceptionally(new InterruptedException("the server is shutting down")));
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    /** The queue (in requests or bytes) is full: the server is overloaded. */
    public static final class OverloadedException extends RuntimeException {
        OverloadedException(String what, String setting) {
            super("server busy: " + what + " (" + setting + ")", null, false, false);
        }
    }
}
