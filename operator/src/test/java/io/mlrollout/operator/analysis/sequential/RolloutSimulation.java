package io.mlrollout.operator.analysis.sequential;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Simulated rollouts for the sequential judge: requests arrive one by one, each goes to the canary
 * with the canary's weight and fails with its side's rate; the judge is asked every {@code lookEvery}
 * requests (a scrape every second at that request rate) until it reaches a verdict or the budget
 * of requests is spent.
 */
record RolloutSimulation(double stableRate, double canaryRate, double weight, int lookEvery, int maxRequests,
                         SequentialSettings settings) {

    /** How one simulated rollout ended, and after how many requests (all, and the canary's share). */
    record Run(SequentialVerdict.Outcome outcome, int requests, int canaryRequests) {
    }

    record Summary(int runs, int fails, int passes, int undecided, int medianRequestsToFail, int p90RequestsToFail,
                   int medianCanaryRequestsToFail) {

        double failRate() {
            return (double) fails / runs;
        }

        double passRate() {
            return (double) passes / runs;
        }
    }

    Run runOnce(SplittableRandom random) {
        long canaryFailures = 0;
        long canaryRequests = 0;
        long stableFailures = 0;
        long stableRequests = 0;
        for (int request = 1; request <= maxRequests; request++) {
            if (random.nextDouble() < weight) {
                canaryRequests++;
                canaryFailures += random.nextDouble() < canaryRate ? 1 : 0;
            } else {
                stableRequests++;
                stableFailures += random.nextDouble() < stableRate ? 1 : 0;
            }
            if (request % lookEvery == 0) {
                SequentialVerdict verdict = SequentialJudge.judge(new Proportion(canaryFailures, canaryRequests),
                        new Proportion(stableFailures, stableRequests), settings);
                if (verdict.outcome() != SequentialVerdict.Outcome.CONTINUE) {
                    return new Run(verdict.outcome(), request, (int) canaryRequests);
                }
            }
        }
        return new Run(SequentialVerdict.Outcome.CONTINUE, maxRequests, (int) canaryRequests);
    }

    Summary run(int runs, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int fails = 0;
        int passes = 0;
        int[] toFail = new int[runs];
        int[] canaryToFail = new int[runs];
        for (int i = 0; i < runs; i++) {
            Run run = runOnce(random);
            switch (run.outcome()) {
                case FAIL -> {
                    toFail[fails] = run.requests();
                    canaryToFail[fails] = run.canaryRequests();
                    fails++;
                }
                case PASS -> passes++;
                default -> { }
            }
        }
        int[] failed = Arrays.copyOf(toFail, fails);
        int[] canaryFailed = Arrays.copyOf(canaryToFail, fails);
        Arrays.sort(failed);
        Arrays.sort(canaryFailed);
        return new Summary(runs, fails, passes, runs - fails - passes, percentile(failed, 0.5), percentile(failed, 0.9),
                percentile(canaryFailed, 0.5));
    }

    private static int percentile(int[] sorted, double q) {
        return sorted.length == 0 ? -1 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
