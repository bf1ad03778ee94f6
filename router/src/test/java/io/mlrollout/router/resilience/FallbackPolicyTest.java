package io.mlrollout.router.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlrollout.router.resilience.FallbackPolicy.FirstAttempt;
import io.mlrollout.router.routing.Role;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FallbackPolicyTest {

    private static Optional<FallbackReason> canary(AttemptResult result) {
        return FallbackPolicy.retryOnStable(new FirstAttempt(Role.CANARY, false, result), true, true);
    }

    @Test
    void aFailedCanaryAttemptIsRetriedOnTheStableWithItsReason() {
        assertThat(canary(new AttemptResult.Answered(500))).contains(FallbackReason.SERVER_ERROR);
        assertThat(canary(new AttemptResult.Answered(503))).contains(FallbackReason.SERVER_ERROR);
        assertThat(canary(new AttemptResult.TimedOut())).contains(FallbackReason.TIMEOUT);
        assertThat(canary(new AttemptResult.Refused())).contains(FallbackReason.CONNECTION);
        assertThat(canary(new AttemptResult.Answered(400))).as("only the stable's answer tells a schema break")
                .contains(FallbackReason.CLIENT_ERROR);
    }

    @Test
    void aSuccessIsNeverRetried() {
        assertThat(canary(new AttemptResult.Answered(200))).isEmpty();
        assertThat(canary(new AttemptResult.Answered(204))).isEmpty();
    }

    @Test
    void noRetryWhenTheStableServedPinnedToTheCanaryStableNotRoutableOrNoTimeLeft() {
        AttemptResult failed = new AttemptResult.Answered(500);
        assertThat(FallbackPolicy.retryOnStable(new FirstAttempt(Role.STABLE, false, failed), true, true)).isEmpty();
        assertThat(FallbackPolicy.retryOnStable(new FirstAttempt(Role.CANARY, true, failed), true, true)).isEmpty();
        assertThat(FallbackPolicy.retryOnStable(new FirstAttempt(Role.CANARY, false, failed), false, true)).isEmpty();
        assertThat(FallbackPolicy.retryOnStable(new FirstAttempt(Role.CANARY, false, failed), true, false)).isEmpty();
    }
}
