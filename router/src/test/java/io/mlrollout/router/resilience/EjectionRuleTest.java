package io.mlrollout.router.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlrollout.router.routing.Tables;
import org.junit.jupiter.api.Test;

class EjectionRuleTest {

    private final EjectionRule rule = new EjectionRule(3);

    /** Applies a script: C = canary failed, c = canary succeeded, n = not judged, S = stable succeeded, s = stable failed. */
    private EjectionRule.State run(String script) {
        EjectionRule.State state = rule.start();
        for (char step : script.toCharArray()) {
            state = switch (step) {
                case 'C' -> rule.onCanary(state, CanaryJudgement.FAILED);
                case 'c' -> rule.onCanary(state, CanaryJudgement.SUCCEEDED);
                case 'n' -> rule.onCanary(state, CanaryJudgement.NOT_JUDGED);
                case 'S' -> rule.onStable(state, true);
                case 's' -> rule.onStable(state, false);
                default -> throw new IllegalArgumentException(String.valueOf(step));
            };
        }
        return state;
    }

    @Test
    void nFailuresInARowWhileTheStableSucceedsEject() {
        assertThat(run("CSCSCS").ejected()).isTrue();
        assertThat(run("CCC").ejected()).as("no stable success in the period").isFalse();
        assertThat(run("CCCS").ejected()).as("a stable success after the third failure completes the rule").isTrue();
    }

    @Test
    void aCanarySuccessStartsTheCountAgain() {
        assertThat(run("CSCScCSCS").ejected()).isFalse();
        assertThat(run("CSCScCSCSCS").ejected()).isTrue();
    }

    @Test
    void stableSuccessesBeforeTheFirstFailureDoNotCount() {
        assertThat(run("SSSCCC").ejected()).isFalse();
    }

    @Test
    void aStableFailingAsMuchAsItSucceedsBlamesNoCanary() {
        assertThat(run("CSsCsCS").ejected()).as("2 successes, 2 failures").isFalse();
        assertThat(run("CSsCSCS").ejected()).as("3 successes, 1 failure").isTrue();
    }

    @Test
    void unjudgedCanaryAttemptsNeitherBreakNorExtendTheStreak() {
        assertThat(run("CSnCSnCS").ejected()).isTrue();
        assertThat(run("CSnnnnCS").ejected()).isFalse();
    }

    @Test
    void onceEjectedItStaysEjected() {
        assertThat(run("CSCSCSccccSS").ejected()).isTrue();
    }

    @Test
    void theTrackerStartsAfreshForAnotherCanary() {
        CanaryEjection ejection = new CanaryEjection(new EjectionRule(2));
        ejection.onCanary(Tables.CANARY, CanaryJudgement.FAILED);
        ejection.onStable(Tables.CANARY, true);
        assertThat(ejection.onCanary(Tables.CANARY, CanaryJudgement.FAILED)).as("ejected by this observation").isTrue();
        assertThat(ejection.isEjected(Tables.CANARY)).isTrue();
        assertThat(ejection.onStable(Tables.CANARY, true)).as("already ejected").isFalse();
        assertThat(ejection.isEjected(Tables.STABLE)).isFalse();
        ejection.onCanary(Tables.STABLE, CanaryJudgement.FAILED);
        assertThat(ejection.isEjected(Tables.CANARY)).isFalse();
    }

    @Test
    void theRuleNeedsAPositiveCount() {
        assertThatThrownBy(() -> new EjectionRule(0)).hasMessageContaining("at least 1");
    }
}
