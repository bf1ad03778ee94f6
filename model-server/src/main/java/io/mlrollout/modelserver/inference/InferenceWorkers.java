package io.mlrollout.modelserver.inference;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed set of threads with a bounded queue for CPU-bound inference work (decoding, prediction,
 * encoding), kept off the HTTP event loops. A full queue rejects at once ({@link WorkersBusyException})
 * and every task has a deadline: a task still queued at its deadline leaves the queue and is never
 * run late.
 *
 * <p>Deadlines are enforced by one sweeper thread rather than a timer per task: a per-task timer
 * wakes a timer thread on every request, which costs a context switch each time on small machines.
 */
public final class InferenceWorkers implements AutoCloseable {

    private final ThreadPoolExecutor executor;
    private final ScheduledExecutorService sweeper;
    private final Map<CompletableFuture<?>, Pending> deadlines = new ConcurrentHashMap<>();

    /** A submitted task and when it expires; an expired task leaves the queue at once, freeing its place. */
    private record Pending(long deadline, Runnable job) {
    }

    /** @param timeoutResolution how late a deadline may be noticed; the sweeper runs this often */
    public InferenceWorkers(int threads, int queueCapacity, Duration timeoutResolution) {
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queueCapacity), new NamedDaemonThreads("inference-"));
        this.sweeper = Executors.newSingleThreadScheduledExecutor(new NamedDaemonThreads("inference-deadlines-"));
        long period = Math.max(1, timeoutResolution.toMillis());
        sweeper.scheduleAtFixedRate(this::expireOverdue, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * Runs {@code task} on a worker. The future fails with {@link TimeoutException} once
     * {@code timeout} has passed, with {@link WorkersBusyException} when the queue is full, or
     * with what the task threw.
     */
    public <T> CompletableFuture<T> submit(Callable<T> task, Duration timeout) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable job = () -> runUnlessDone(task, result);
        deadlines.put(result, new Pending(System.nanoTime() + timeout.toNanos(), job));
        result.whenComplete((value, error) -> deadlines.remove(result));
        try {
            executor.execute(job);
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new WorkersBusyException(executor.getQueue().size()));
        }
        return result;
    }

    private static <T> void runUnlessDone(Callable<T> task, CompletableFuture<T> result) {
        if (result.isDone()) {
            return; // timed out while queued: nobody waits for the answer any more
        }
        try {
            result.complete(task.call());
        } catch (Throwable e) {
            result.completeExceptionally(e);
        }
    }

    private void expireOverdue() {
        long now = System.nanoTime();
        deadlines.forEach((future, pending) -> {
            if (now - pending.deadline() >= 0 && future.completeExceptionally(new TimeoutException())) {
                executor.remove(pending.job());
            }
        });
    }

    public int threads() {
        return executor.getCorePoolSize();
    }

    /** Lets running predictions finish (briefly) so the engine is not closed under them. */
    @Override
    public void close() {
        sweeper.shutdownNow();
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** The queue of waiting tasks is full. */
    public static final class WorkersBusyException extends RuntimeException {
        WorkersBusyException(int queued) {
            super("server busy: " + queued + " requests already queued", null, false, false);
        }
    }

    private static final class NamedDaemonThreads implements ThreadFactory {
        private final String prefix;
        private final AtomicInteger count = new AtomicInteger();

        NamedDaemonThreads(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
