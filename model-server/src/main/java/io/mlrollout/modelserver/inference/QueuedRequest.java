package io.mlrollout.modelserver.inference;

import java.util.concurrent.CompletableFuture;

/**
 * A request in the scheduler, with when it arrived, when it expires and where its answer goes.
 * Identity matters (the queue and the deadline set remove this very object), hence no record.
 */
final class QueuedRequest {

    private final InferenceScheduler.Request request;
    private final long enqueuedAt;
    private final long deadline;
    private final CompletableFuture<InferenceScheduler.Prediction> result = new CompletableFuture<>();

    QueuedRequest(InferenceScheduler.Request request, long enqueuedAt, long deadline) {
        this.request = request;
        this.enqueuedAt = enqueuedAt;
        this.deadline = deadline;
    }

    InferenceScheduler.Request request() {
        return request;
    }

    long enqueuedAt() {
        return enqueuedAt;
    }

    long deadline() {
        return deadline;
    }

    CompletableFuture<InferenceScheduler.Prediction> result() {
        return result;
    }

    long rows() {
        return Batches.rows(request.inputs());
    }

    /** Answered already, typically by its deadline: it must not be run. */
    boolean answered() {
        return result.isDone();
    }

    /** Whether this request can join a batch that {@code first} started, which holds {@code rows} rows so far. */
    boolean canJoin(QueuedRequest first, long rows, int maxRows) {
        return request.batchable() && request.engine() == first.request.engine()
                && Batches.compatible(first.request.inputs(), request.inputs()) && rows + rows() <= maxRows;
    }
}
