package io.mlrollout.router.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CanaryJudgementTest {

    private static final Optional<AttemptResult> NO_RETRY = Optional.empty();

    private static Optional<AttemptResult> stable(int status) {
        return Optional.of(new AttemptResult.Answered(status));
    }

    @Test
    void successesSucceedAndFailuresWithoutAnAnswerOrWithA5xxFail() {
        assertThat(CanaryJudgement.of(new AttemptResult.Answered(200), NO_RETRY)).isEqualTo(CanaryJudgement.SUCCEEDED);
        assertThat(CanaryJudgement.of(new AttemptResult.Answered(500), stable(200))).isEqualTo(CanaryJudgement.FAILED);
        assertThat(CanaryJudgement.of(new AttemptResult.TimedOut(), NO_RETRY)).isEqualTo(CanaryJudgement.FAILED);
        assertThat(CanaryJudgement.of(new AttemptResult.Refused(), NO_RETRY)).isEqualTo(CanaryJudgement.FAILED);
    }

    @Test
    void aClientErrorTheStableDoesNotGiveIsASchemaBreak() {
        assertThat(CanaryJudgement.of(new AttemptResult.Answered(400), stable(200))).isEqualTo(CanaryJudgement.FAILED);
        assertThat(CanaryJudgement.of(new AttemptResult.Answered(404), stable(400))).isEqualTo(CanaryJudgement.FAILED);
    }

    @Test
    void aClientErrorIsNotJudgedWhenTheStableRefusesAlikeFailsOrWasNotAsked() {
        assertThat(CanaryJudgement.of(new AttemptResult.Answered(400), stable(400))).isEqualTo(CanaryJudgement.NOT_JUDGED);
        assertThat(CanaryJudgement.of(new AttemptResult.Answered(400), stable(503))).isEqualTo(CanaryJudgement.NOT_JUDGED);
        assertThat(CanaryJudgement.of(new AttemptResult.Answered(400), Optional.of(new AttemptResult.TimedOut())))
                .isEqualTo(CanaryJudgement.NOT_JUDGED);
        assertThat(CanaryJudgement.of(new AttemptResult.Answered(400), NO_RETRY)).isEqualTo(CanaryJudgement.NOT_JUDGED);
    }
}
