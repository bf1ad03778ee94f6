package io.mlrollout.operator.analysis.sequential;

/**
 * Events out of trials on one side, since the canary entered its current weight: failed requests
 * out of requests, or requests slower than a latency boundary out of requests.
 */
public record Proportion(long events, long trials) {

    public Proportion {
        if (trials < 0 || events < 0 || events > trials) {
            throw new IllegalArgumentException("a proportion needs 0 <= events <= trials, was " + events + "/" + trials);
        }
    }

    public double rate() {
        return trials == 0 ? 0 : (double) events / trials;
    }

    /**
     * The rate shrunk towards one half by one pseudo-event and one pseudo-non-event: with no failure
     * seen yet the plain rate is 0, and a variance built on it would make a handful of requests look
     * like certainty.
     */
    double smoothedRate() {
        return (events + 1.0) / (trials + 2.0);
    }
}
