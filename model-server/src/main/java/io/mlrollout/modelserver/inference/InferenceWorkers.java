package io.mlrollout.modelserver.inference;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed set of threads with a bounded queue for CPU-bound inference work (decoding, prediction,
 * encoding), kept off the HTTP event loops. A full queue rejects at once ({@link WorkersBusyException})
 * and every task has a deadline: a task still queued at its deadline is skipped, not run late.
 */
public final class InferenceWorkers implements AutoCloseable {

    private final ThreadPoolExecutor executor;

    public InferenceWorkers(int threads, int queueCapacity) {
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queueCapacity), new NamedDaemonThreads());
    }

    /**
     * Runs {@code task} on a worker. The future fails with {@link java.util.concurrent.TimeoutException}
     * after {@code timeout}, with {@link WorkersBusyException} when the queue is full, or with what the
     * task threw.
     */
    public <T> CompletableFuture<T> submit(Callable<T> task, Duration timeout) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            executor.execute(() -> runUnlessDone(task, result));
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new WorkersBusyException(executor.getQueue().size()));
            return result;
        }
        return result.orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS);
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

    public int threads() {
        return executor.getCorePoolSize();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** The queue of waiting tasks is full. */
    public static final class WorkersBusyException extends RuntimeException {
        WorkersBusyException(int queued) {
            super("server busy: " + queued + " requests already queued", null, false, false);
        }
    }

    private static final class NamedDaemonThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(runnable, "inference-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
