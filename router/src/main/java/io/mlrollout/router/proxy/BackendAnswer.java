package io.mlrollout.router.proxy;

import io.mlrollout.router.resilience.AttemptResult;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

/**
 * How one attempt ended: the result routing decides on and, when the pod answered, its whole answer
 * (buffered: answers are small, and a canary's answer must be complete before it can be passed on or
 * dropped for the stable's).
 *
 * @param headers null unless answered
 * @param body null unless answered
 */
record BackendAnswer(AttemptResult result, MultiMap headers, Buffer body, long nanos) {

    boolean answered() {
        return result instanceof AttemptResult.Answered;
    }

    int status() {
        return ((AttemptResult.Answered) result).status();
    }
}
