package io.mlrollout.operator.analysis.sequential;

/**
 * The crash rule, which needs no statistics: every canary request since the last look failed, at
 * least {@code minRun} of them, while the stable version answered some successfully over the same
 * time. A canary that cannot serve at all is rolled back at the first look that sees it, without
 * waiting for the sequential test's minimum sample.
 */
public record FastFailRule(int minRun) {

    public FastFailRule {
        if (minRun < 1) {
            throw new IllegalArgumentException("minRun must be at least 1, was " + minRun);
        }
    }

    /**
     * @param canary the canary's failures and requests since the last look
     * @param stable the stable version's, over the same time
     */
    public boolean crashing(Proportion canary, Proportion stable) {
        return canary.trials() >= minRun && canary.events() == canary.trials() && stable.events() < stable.trials();
    }
}
