package io.mlrollout.operator.analysis;

import java.util.Arrays;

/** Requests by {@link RequestOutcome}, cumulative or over an interval. Immutable. */
public final class OutcomeCounts {

    public static final OutcomeCounts ZERO = new OutcomeCounts(new double[RequestOutcome.values().length]);

    private final double[] counts;

    private OutcomeCounts(double[] counts) {
        this.counts = counts;
    }

    public static OutcomeCounts of(double success, double clientErrors, double serverErrors) {
        return ZERO.with(RequestOutcome.SUCCESS, success).with(RequestOutcome.CLIENT_ERROR, clientErrors)
                .with(RequestOutcome.SERVER_ERROR, serverErrors);
    }

    public OutcomeCounts with(RequestOutcome outcome, double count) {
        double[] copy = counts.clone();
        copy[outcome.ordinal()] = count;
        return new OutcomeCounts(copy);
    }

    public double get(RequestOutcome outcome) {
        return counts[outcome.ordinal()];
    }

    public double total() {
        return Arrays.stream(counts).sum();
    }

    /** Requests the server failed to answer: its own errors, overload refusals and timeouts. */
    public double serverSideFailures() {
        return get(RequestOutcome.SERVER_ERROR) + get(RequestOutcome.REJECTED) + get(RequestOutcome.TIMEOUT);
    }

    /** Refused for overload or not answered in time: the version could not keep up. */
    public double overloaded() {
        return get(RequestOutcome.REJECTED) + get(RequestOutcome.TIMEOUT);
    }

    public OutcomeCounts plus(OutcomeCounts other) {
        double[] sum = counts.clone();
        for (int i = 0; i < sum.length; i++) {
            sum[i] += other.counts[i];
        }
        return new OutcomeCounts(sum);
    }

    public OutcomeCounts minus(OutcomeCounts earlier) {
        double[] difference = counts.clone();
        for (int i = 0; i < difference.length; i++) {
            difference[i] -= earlier.counts[i];
        }
        return new OutcomeCounts(difference);
    }

    /** True when some counter is lower than in {@code earlier}: counters only go down when a process restarts. */
    public boolean anyBelow(OutcomeCounts earlier) {
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < earlier.counts[i]) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OutcomeCounts that && Arrays.equals(counts, that.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("{");
        for (RequestOutcome outcome : RequestOutcome.values()) {
            text.append(text.length() > 1 ? ", " : "").append(outcome.label()).append('=').append(get(outcome));
        }
        return text.append('}').toString();
    }
}
