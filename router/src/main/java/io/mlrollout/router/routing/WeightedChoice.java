package io.mlrollout.router.routing;

/**
 * The deterministic weighted choice: request number {@code n} (0, 1, 2, ... per router process) goes
 * to the canary exactly when {@code floor((n + 1) * w / 100)} exceeds {@code floor(n * w / 100)}.
 * After any N requests the canary has had {@code floor(N * w / 100)} of them, so the achieved share
 * is off by less than one request at every moment, whatever the replica counts (a random choice is
 * off by about {@code sqrt(N)}), and the canary's requests are spread evenly rather than in bursts.
 */
public final class WeightedChoice {

    private WeightedChoice() {
    }

    public static Role choose(long requestNumber, int canaryWeight) {
        if (requestNumber < 0) {
            throw new IllegalArgumentException("request numbers start at 0, not " + requestNumber);
        }
        if (canaryWeight < 0 || canaryWeight > 100) {
            throw new IllegalArgumentException("canaryWeight " + canaryWeight + " is not in 0..100");
        }
        long reduced = requestNumber % 100;
        return (reduced + 1) * canaryWeight / 100 > reduced * canaryWeight / 100 ? Role.CANARY : Role.STABLE;
    }
}
