package io.mlrollout.router.resilience;

/** How one attempt on one version ended, as far as routing decisions care. */
public sealed interface AttemptResult {

    Outcome outcome();

    /** The version answered with an HTTP status. */
    record Answered(int status) implements AttemptResult {
        public Answered {
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException("HTTP status " + status + " is not in 100..599");
            }
        }

        @Override
        public Outcome outcome() {
            return Outcome.ofStatus(status);
        }
    }

    /** No answer within the attempt's deadline. */
    record TimedOut() implements AttemptResult {
        @Override
        public Outcome outcome() {
            return Outcome.TIMEOUT;
        }
    }

    /** The connection was refused, reset or closed before an answer came. */
    record Refused() implements AttemptResult {
        @Override
        public Outcome outcome() {
            return Outcome.REJECTED;
        }
    }

    static AttemptResult answered(int status) {
        return new Answered(status);
    }

    static AttemptResult timedOut() {
        return new TimedOut();
    }

    static AttemptResult refused() {
        return new Refused();
    }
}
