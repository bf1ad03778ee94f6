package io.mlrollout.router.resilience;

import java.util.Optional;

/**
 * Whether one canary attempt counts as a failure of the canary. Server errors, timeouts and refused
 * connections always do. A client error does only when the stable version, given the same request,
 * answered differently (a schema break): when both refuse it alike the request was bad, and without a
 * stable answer to compare with nobody can tell.
 */
public enum CanaryJudgement {
    SUCCEEDED,
    FAILED,
    NOT_JUDGED;

    public static CanaryJudgement of(AttemptResult canary, Optional<AttemptResult> stableRetry) {
        return switch (canary.outcome()) {
            case SUCCESS -> SUCCEEDED;
            case SERVER_ERROR, TIMEOUT, REJECTED -> FAILED;
            case CLIENT_ERROR -> stableRetry.map(stable -> comparedWithStable((AttemptResult.Answered) canary, stable)).orElse(NOT_JUDGED);
        };
    }

    private static CanaryJudgement comparedWithStable(AttemptResult.Answered canary, AttemptResult stable) {
        if (!(stable instanceof AttemptResult.Answered answered) || answered.outcome() == Outcome.SERVER_ERROR) {
            return NOT_JUDGED;
        }
        return answered.status() == canary.status() ? NOT_JUDGED : FAILED;
    }
}
