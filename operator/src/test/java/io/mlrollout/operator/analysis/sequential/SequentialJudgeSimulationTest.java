package io.mlrollout.operator.analysis.sequential;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The proof that the sequential judge is safe, not only fast: thousands of simulated rollouts,
 * looked at every 20 requests (a scrape a second at 20 requests per second), canary at 10 %.
 * The seed is fixed so that a run is reproducible; the bounds asserted are the configured ones.
 */
class SequentialJudgeSimulationTest {

    private static final SequentialSettings SETTINGS = new SequentialSettings(0.99, 0.01, SequentialSettings.DEFAULT_MIN_TRIALS);
    private static final int RUNS = 2000;

    @ParameterizedTest(name = "stable error rate {0}")
    @CsvSource({"0.0", "0.001", "0.01", "0.05"})
    void aGoodCanaryIsRolledBackNoMoreOftenThanTheConfidenceAllows(double rate) {
        // At 5 % errors, telling "no worse" from "one point worse" takes tens of thousands of requests.
        RolloutSimulation.Summary summary = new RolloutSimulation(rate, rate, 0.1, 20, 40_000, SETTINGS).run(RUNS, 42);
        System.out.printf(Locale.ROOT, "good canary, error rate %.3f: false rollbacks %d of %d (%.4f), passed %d, undecided %d%n",
                rate, summary.fails(), RUNS, summary.failRate(), summary.passes(), summary.undecided());
        assertThat(summary.failRate()).as("false rollbacks").isLessThanOrEqualTo(1 - SETTINGS.confidence());
        if (rate <= 0.01) {
            assertThat(summary.passRate()).as("a good canary passes within 40,000 requests").isGreaterThan(0.85);
        }
    }

    @ParameterizedTest(name = "canary {1} worse than {0}")
    @CsvSource({"0.01, 0.99", "0.01, 0.10", "0.01, 0.02", "0.01, 0.01"})
    void aWorseCanaryIsRolledBack(double stableRate, double worseBy) {
        RolloutSimulation.Summary summary = new RolloutSimulation(stableRate, stableRate + worseBy, 0.1, 20, 200_000, SETTINGS)
                .run(RUNS / 4, 7);
        System.out.printf(Locale.ROOT, "canary worse by %.2f: rolled back %d of %d, passed %d; requests to roll back: median %d (canary %d), p90 %d%n",
                worseBy, summary.fails(), summary.runs(), summary.passes(), summary.medianRequestsToFail(),
                summary.medianCanaryRequestsToFail(), summary.p90RequestsToFail());
        assertThat(summary.passRate()).as("a canary worse by at least the margin passes").isLessThanOrEqualTo(1 - SETTINGS.confidence());
        assertThat(summary.failRate()).isGreaterThan(0.95);
    }
}
