package io.mlrollout.modelserver.inference;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each runner thread does: take the oldest request, gather compatible ones that are queued
 * or arrive within the batch delay (counted from the first request's arrival) up to the row limit,
 * make one engine call and hand each request its rows of the outputs. A request that cannot join
 * goes back to the head of the queue for the next runner. Requests answered meanwhile (their
 * deadline passed) are dropped, never run late. When a joined call fails, its members are run one
 * by one, so that one bad request fails only itself.
 */
final class BatchRunner {

    private static final Logger LOG = LoggerFactory.getLogger(BatchRunner.class);

    private final BlockingDeque<QueuedRequest> queue;
    private final int maxRows;
    private final long maxDelayNanos;
    private volatile boolean outputsNotPerRow;

    BatchRunner(BlockingDeque<QueuedRequest> queue, int maxRows, long maxDelayNanos) {
        this.queue = queue;
        this.maxRows = maxRows;
        this.maxDelayNanos = maxDelayNanos;
    }

    void runUntilInterrupted() {
        while (!Thread.currentThread().isInterrupted()) {
            List<QueuedRequest> batch = new ArrayList<>();
            try {
                QueuedRequest first = queue.take();
                if (first.answered()) {
                    continue;
                }
                batch.add(first);
                gather(first, batch);
                run(batch);
            } catch (InterruptedException e) {
                batch.forEach(queued -> queued.result().completeExceptionally(e));
                return;
            }
        }
    }

    private void gather(QueuedRequest first, List<QueuedRequest> batch) throws InterruptedException {
        if (maxRows <= 1 || outputsNotPerRow || !first.request().batchable()) {
            return;
        }
        long rows = first.rows();
        long waitUntil = first.enqueuedAt() + maxDelayNanos;
        while (rows < maxRows) {
            long left = waitUntil - System.nanoTime();
            QueuedRequest next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
            if (next == null) {
                return;
            }
            if (next.answered()) {
                continue;
            }
            if (!next.canJoin(first, rows, maxRows)) {
                queue.offerFirst(next);
                return;
            }
            batch.add(next);
            rows += next.rows();
        }
    }

    private void run(List<QueuedRequest> gathered) throws InterruptedException {
        List<QueuedRequest> batch = gathered.stream().filter(queued -> !queued.answered()).toList();
        if (batch.size() == 1) {
            runAlone(batch.get(0));
        } else if (batch.size() > 1) {
            runJoined(batch);
        }
    }

    private void runJoined(List<QueuedRequest> batch) throws InterruptedException {
        long start = System.nanoTime();
        List<Tensor> outputs;
        try {
            outputs = batch.get(0).request().engine().predict(Batches.concatenate(batch.stream().map(q -> q.request().inputs()).toList()));
        } catch (RuntimeException | Error e) {
            LOG.debug("a batch of {} requests failed ({}); running them one by one", batch.size(), e.getMessage());
            runEachAlone(batch);
            return;
        }
        long computeNanos = System.nanoTime() - start;
        long[] rows = batch.stream().mapToLong(QueuedRequest::rows).toArray();
        Optional<List<List<Tensor>>> shares = Batches.split(outputs, rows);
        if (shares.isEmpty()) {
            outputsNotPerRow = true;
            LOG.warn("the model's outputs do not have one row per input row, so requests cannot share an engine call;"
                    + " batching is off for this model");
            runEachAlone(batch);
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            QueuedRequest queued = batch.get(i);
            queued.result().complete(new InferenceScheduler.Prediction(shares.get().get(i), start - queued.enqueuedAt(),
                    computeNanos, batch.size()));
        }
    }

    private void runEachAlone(List<QueuedRequest> batch) throws InterruptedException {
        for (QueuedRequest queued : batch) {
            if (!queued.answered()) {
                runAlone(queued);
            }
        }
    }

    private void runAlone(QueuedRequest queued) throws InterruptedException {
        long start = System.nanoTime();
        try {
            List<Tensor> outputs = queued.request().engine().predict(queued.request().inputs());
            queued.result().complete(new InferenceScheduler.Prediction(outputs, start - queued.enqueuedAt(),
                    System.nanoTime() - start, 1));
        } catch (RuntimeException | Error e) {
            queued.result().completeExceptionally(e);
        }
    }
}
