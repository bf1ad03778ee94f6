package io.mlrollout.operator.analysis.sequential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlrollout.operator.analysis.sequential.SequentialVerdict.Outcome;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SequentialJudgeTest {

    private static final SequentialSettings SETTINGS = new SequentialSettings(0.99, 0.01, 50);

    private static SequentialVerdict judge(long canaryEvents, long canaryTrials, long stableEvents, long stableTrials) {
        return SequentialJudge.judge(new Proportion(canaryEvents, canaryTrials), new Proportion(stableEvents, stableTrials), SETTINGS);
    }

    @Test
    void noPassBeforeEachSideHasItsMinimumOfRequests() {
        SequentialVerdict verdict = judge(0, 49, 0, 100_000);
        assertThat(verdict.outcome()).isEqualTo(Outcome.CONTINUE);
        assertThat(verdict.explanation()).isEqualTo("waiting for 50 requests on each side (canary 49, stable 100000)");
        assertThat(judge(0, 100_000, 0, 49).outcome()).isEqualTo(Outcome.CONTINUE);
    }

    @Test
    void aCanaryThatFailsEveryRequestFailsOnItsFirstFewAtATenPercentShare() {
        assertThat(judge(2, 2, 0, 18).outcome()).as("two failures could be chance: 1 in 100 at this share").isEqualTo(Outcome.CONTINUE);
        SequentialVerdict verdict = judge(3, 3, 0, 27);
        assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(verdict.explanation()).startsWith("worse than stable: canary 3/3 (1.0000), stable 0/27 (0.0000)");
    }

    @Test
    void failuresSharedInProportionToTheTrafficAreNoEvidence() {
        assertThat(FailureShareTest.logEvidence(new Proportion(10, 100), new Proportion(90, 900))).isNegative();
        assertThat(FailureShareTest.canaryOverRepresented(new Proportion(10, 100), new Proportion(90, 900))).isFalse();
        assertThat(FailureShareTest.logEvidence(new Proportion(0, 100), new Proportion(0, 900))).isZero();
        assertThat(judge(0, 1000, 200, 9000).outcome()).as("a canary better than stable never fails").isNotEqualTo(Outcome.FAIL);
    }

    @ParameterizedTest
    @CsvSource({"1, 0", "2, 0", "3, 0.6931471805599453", "0.5, 0.5723649429247001", "10, 12.801827480081469", "171.5, 709.1431630309282"})
    void logGammaMatchesKnownValues(double x, double expected) {
        assertThat(LogGamma.of(x)).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, Math.abs(expected))));
    }

    @Test
    void aFlawlessCanaryBesideAFlawlessStablePassesOnceThereIsEnoughOfIt() {
        assertThat(judge(0, 60, 0, 540).outcome()).isEqualTo(Outcome.CONTINUE);
        assertThat(judge(0, 3000, 0, 27000).outcome()).isEqualTo(Outcome.PASS);
    }

    @ParameterizedTest(name = "canary {0}/{1} against stable {2}/{3}: {4}")
    @CsvSource({
        // rates equal: passes with enough requests, never fails
        "30, 3000, 270, 27000, PASS",
        "10, 1000, 90, 9000, CONTINUE",
        // two points worse: fails with enough requests, never passes
        "30, 1000, 90, 9000, FAIL",
        "3, 100, 9, 900, CONTINUE",
        // better than stable: may pass, never fails
        "0, 2000, 180, 18000, PASS",
        // worse by about the margin: neither verdict is safe yet
        "20, 1000, 90, 9000, CONTINUE",
    })
    void verdicts(long canaryEvents, long canaryTrials, long stableEvents, long stableTrials, Outcome expected) {
        assertThat(judge(canaryEvents, canaryTrials, stableEvents, stableTrials).outcome()).isEqualTo(expected);
    }

    @Test
    void aHigherConfidenceNeedsMoreEvidence() {
        SequentialSettings strict = new SequentialSettings(0.9999, 0.01, 50);
        Proportion canary = new Proportion(30, 1000);
        Proportion stable = new Proportion(90, 9000);
        assertThat(SequentialJudge.judge(canary, stable, SETTINGS).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(SequentialJudge.judge(canary, stable, strict).outcome()).isEqualTo(Outcome.CONTINUE);
    }

    @Test
    void theRequestsToPassAreWhatAPassThenTakes() {
        Proportion canary = new Proportion(1, 200);
        Proportion stable = new Proportion(18, 1800);
        assertThat(SequentialJudge.judge(canary, stable, SETTINGS).outcome()).isEqualTo(Outcome.CONTINUE);
        OptionalLong more = SequentialJudge.requestsToPass(canary, stable, SETTINGS);
        assertThat(more).isPresent();
        double growth = (canary.trials() + more.getAsLong()) / (double) canary.trials();
        Proportion canaryLater = new Proportion(Math.round(canary.events() * growth), canary.trials() + more.getAsLong());
        Proportion stableLater = new Proportion(Math.round(stable.events() * growth), Math.round(stable.trials() * growth));
        assertThat(SequentialJudge.judge(canaryLater, stableLater, SETTINGS).outcome()).as("with the same rates").isEqualTo(Outcome.PASS);
        Proportion canaryAlmost = new Proportion(canary.events(), canary.trials() + more.getAsLong() / 2);
        assertThat(SequentialJudge.requestsToPass(canaryAlmost, stableLater, SETTINGS).getAsLong())
                .as("fewer once part of the way is done").isLessThan(more.getAsLong());
    }

    @Test
    void noPassIsInSightForACanaryWorseByTheMarginOrMore() {
        assertThat(SequentialJudge.requestsToPass(new Proportion(30, 1000), new Proportion(90, 9000), SETTINGS)).isEmpty();
        assertThat(SequentialJudge.requestsToPass(new Proportion(0, 0), new Proportion(90, 9000), SETTINGS)).isEmpty();
    }

    @Test
    void settingsAndCountsThatMakeNoSenseAreRefused() {
        assertThatThrownBy(() -> new SequentialSettings(1.0, 0.01, 50)).hasMessageContaining("confidence");
        assertThatThrownBy(() -> new SequentialSettings(0.5, 0.01, 50)).hasMessageContaining("confidence");
        assertThatThrownBy(() -> new SequentialSettings(0.99, 0, 50)).hasMessageContaining("margin");
        assertThatThrownBy(() -> new SequentialSettings(0.99, 0.01, 0)).hasMessageContaining("minTrials");
        assertThatThrownBy(() -> new Proportion(3, 2)).hasMessageContaining("0 <= events <= trials");
        assertThatThrownBy(() -> new Proportion(-1, 2)).hasMessageContaining("0 <= events <= trials");
    }

    @Test
    void latencyIsTheShareSlowerThanTheStableP99FromBeforeTheWindow() {
        TreeMap<Double, Double> stableHistory = new TreeMap<>();
        stableHistory.put(0.01, 900.0);
        stableHistory.put(0.05, 995.0);
        stableHistory.put(0.1, 1000.0);
        stableHistory.put(Double.POSITIVE_INFINITY, 1000.0);
        double boundary = LatencyExceedance.boundary(stableHistory, 0.99).orElseThrow();
        assertThat(boundary).isEqualTo(0.05);

        TreeMap<Double, Double> canaryWindow = new TreeMap<>();
        canaryWindow.put(0.01, 50.0);
        canaryWindow.put(0.05, 80.0);
        canaryWindow.put(0.1, 95.0);
        canaryWindow.put(Double.POSITIVE_INFINITY, 100.0);
        assertThat(LatencyExceedance.slowerThan(canaryWindow, boundary)).isEqualTo(new Proportion(20, 100));
        assertThat(LatencyExceedance.slowerThan(canaryWindow, 0.001)).as("below every bucket: all slower").isEqualTo(new Proportion(100, 100));
        assertThat(LatencyExceedance.slowerThan(new TreeMap<>(), boundary)).isEqualTo(new Proportion(0, 0));
        assertThat(LatencyExceedance.boundary(new TreeMap<>(), 0.99)).isEmpty();
    }

    @Test
    void theCrashRuleNeedsARunOfCanaryFailuresWhileTheStableSucceeds() {
        FastFailRule rule = new FastFailRule(5);
        assertThat(rule.crashing(new Proportion(5, 5), new Proportion(1, 45))).isTrue();
        assertThat(rule.crashing(new Proportion(4, 4), new Proportion(0, 45))).as("too short a run").isFalse();
        assertThat(rule.crashing(new Proportion(9, 10), new Proportion(0, 45))).as("one success breaks it").isFalse();
        assertThat(rule.crashing(new Proportion(5, 5), new Proportion(45, 45))).as("the stable fails too: not the canary's fault").isFalse();
        assertThat(rule.crashing(new Proportion(5, 5), new Proportion(0, 0))).as("nothing to compare with").isFalse();
        assertThatThrownBy(() -> new FastFailRule(0)).hasMessageContaining("minRun");
    }
}
