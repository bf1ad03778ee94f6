package io.mlrollout.modelserver.inference;

/**
 * An exponentially weighted average of durations, weighting the latest an eighth, so that it
 * follows a model's current speed within a few dozen calls. A sample counts for at most twice the
 * current average: a call whose thread was preempted (common on a busy machine) must not make a
 * fast model look slow, while a model that really slowed down still raises the average by an eighth
 * per call. Updates may race; a lost update only delays the average by one sample.
 */
final class RunningAverage {

    private volatile long average = Long.MAX_VALUE;

    void record(long nanos) {
        long current = average;
        if (current == Long.MAX_VALUE) {
            average = nanos;
            return;
        }
        long counted = Math.min(nanos, current * 2);
        average = current + (counted - current) / 8;
    }

    /** {@code Long.MAX_VALUE} until the first sample: unknown counts as slow. */
    long typicalNanos() {
        return average;
    }
}
