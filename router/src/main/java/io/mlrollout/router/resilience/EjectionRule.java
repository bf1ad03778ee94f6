package io.mlrollout.router.resilience;

/**
 * The fast-fail rule: the canary is ejected when its last {@code failuresInARow} judged attempts all
 * failed while the stable version, over the same period (from the first of those failures on), answered
 * more requests well than badly and at least one. A stable version failing as much points at something
 * both share (a dependency, the network), which is no reason to blame the canary.
 *
 * <p>Pure: the state is a value, each observation returns the next one, and there is no clock, so the
 * same rule can judge a router's live attempts or a recorded sequence. Once ejected, the state stays
 * ejected; whoever holds it starts afresh for a different canary.
 */
public final class EjectionRule {

    private final int failuresInARow;

    public EjectionRule(int failuresInARow) {
        if (failuresInARow < 1) {
            throw new IllegalArgumentException("the ejection rule needs at least 1 failure in a row, not " + failuresInARow);
        }
        this.failuresInARow = failuresInARow;
    }

    public int failuresInARow() {
        return failuresInARow;
    }

    public State start() {
        return new State(0, 0, 0, false);
    }

    public State onCanary(State state, CanaryJudgement judgement) {
        if (state.ejected() || judgement == CanaryJudgement.NOT_JUDGED) {
            return state;
        }
        if (judgement == CanaryJudgement.SUCCEEDED) {
            return start();
        }
        State counted = state.canaryFailures() == 0
                ? new State(1, 0, 0, false)
                : new State(state.canaryFailures() + 1, state.stableSuccesses(), state.stableFailures(), false);
        return judged(counted);
    }

    /** @param succeeded whether the stable version answered (a client error included) rather than failed */
    public State onStable(State state, boolean succeeded) {
        if (state.ejected() || state.canaryFailures() == 0) {
            return state;
        }
        return judged(succeeded
                ? new State(state.canaryFailures(), state.stableSuccesses() + 1, state.stableFailures(), false)
                : new State(state.canaryFailures(), state.stableSuccesses(), state.stableFailures() + 1, false));
    }

    private State judged(State state) {
        boolean eject = state.canaryFailures() >= failuresInARow
                && state.stableSuccesses() > 0
                && state.stableSuccesses() > state.stableFailures();
        return eject ? new State(state.canaryFailures(), state.stableSuccesses(), state.stableFailures(), true) : state;
    }

    /**
     * @param canaryFailures the canary's judged attempts that failed in a row, up to now
     * @param stableSuccesses the stable version's good answers since the first of those failures
     * @param stableFailures its failures over the same period
     */
    public record State(int canaryFailures, int stableSuccesses, int stableFailures, boolean ejected) {
    }
}
