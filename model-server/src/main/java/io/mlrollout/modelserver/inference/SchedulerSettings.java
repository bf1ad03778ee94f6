package io.mlrollout.modelserver.inference;

import java.time.Duration;

/**
 * How the {@link InferenceScheduler} queues and batches.
 *
 * @param runners threads making engine calls (one predictor each)
 * @param queueCapacity requests waiting for a runner beyond this are refused
 * @param queueMaxBytes request bodies accepted and not yet answered may add up to this many bytes
 * @param maxBatchRows rows per engine call; 1 turns batching off
 * @param maxBatchDelay how long the first request of a batch waits for others
 * @param deadlineResolution how late a request's deadline may be noticed
 */
public record SchedulerSettings(int runners, int queueCapacity, long queueMaxBytes, int maxBatchRows, Duration maxBatchDelay,
        Duration deadlineResolution) {

    public SchedulerSettings {
        if (runners < 1 || queueCapacity < 0 || queueMaxBytes < 0 || maxBatchRows < 1 || maxBatchDelay.isNegative()) {
            throw new IllegalArgumentException("invalid scheduler settings: " + runners + " runners, queue " + queueCapacity
                    + " requests / " + queueMaxBytes + " bytes, batches of " + maxBatchRows + " rows, delay " + maxBatchDelay);
        }
    }

    public boolean batching() {
        return maxBatchRows > 1;
    }
}
