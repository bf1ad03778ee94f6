package io.mlrollout.modelserver.http;

import io.mlrollout.modelserver.inference.InferenceScheduler;
import io.mlrollout.modelserver.inference.ServedModel;
import io.mlrollout.modelserver.server.InferenceConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What may run on an HTTP event loop. Handing a request to a worker thread and the answer back
 * costs tens of microseconds, more than a small model's whole prediction, so a fast model's small
 * requests are decoded, predicted and encoded where they arrive. Everything slow stays off the
 * event loops, which also answer the health probes and metrics scrapes: large bodies, models
 * whose engine calls typically take longer than INFERENCE_EVENT_LOOP_MAX_MICROS, and all requests
 * when batching waits for requests to join (INFERENCE_BATCH_MAX_DELAY above 0: they must meet in the
 * queue). With batching on and no delay, a request that finds the queue empty and a predictor idle
 * would be a batch of one anyway, so it too runs at once; under load the queue fills and batches form.
 */
@ApplicationScoped
class EventLoopPolicy {

    /** Bodies up to this size are decoded on the event loop: a few tens of microseconds at most. */
    static final int SMALL_BODY_BYTES = 64 * 1024;

    private final long maxPredictNanos;
    private final boolean batchesWait;

    EventLoopPolicy(InferenceConfig config) {
        this.maxPredictNanos = config.eventLoopMaxMicros() * 1000L;
        this.batchesWait = config.batch().maxSize() > 1 && !config.batch().maxDelay().isZero();
    }

    boolean mayDecodeHere(long bodyBytes) {
        return bodyBytes <= SMALL_BODY_BYTES;
    }

    /** Also only when nothing is queued: a request must not overtake those already waiting. */
    boolean mayPredictHere(ServedModel model, long bodyBytes, InferenceScheduler scheduler) {
        return !batchesWait && bodyBytes <= SMALL_BODY_BYTES && model.typicalPredictNanos() < maxPredictNanos
                && scheduler.queueDepth() == 0;
    }
}
