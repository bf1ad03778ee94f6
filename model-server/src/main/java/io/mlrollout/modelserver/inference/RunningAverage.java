package io.mlrollout.modelserver.inference;

/**
 * An exponentially weighted average of durations, weighting the latest an eighth, so that it
 * follows a model's current speed within a few dozen calls while one outlier moves it little.
 * Updates may race; a lost update only delays the average by one sample.
 */
final class RunningAverage {

    private volatile long average = Long.MAX_VALUE;

    void record(long nanos) {
        long current = average;
        average = current == Long.MAX_VALUE ? nanos : current + (nanos - current) / 8;
    }

    /** {@code Long.MAX_VALUE} until the first sample: unknown counts as slow. */
    long typicalNanos() {
        return average;
    }
}
