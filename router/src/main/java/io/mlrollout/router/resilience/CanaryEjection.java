package io.mlrollout.router.resilience;

import io.mlrollout.api.v1alpha1.ModelRef;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@link EjectionRule} applied to this router's live attempts, for one canary at a time: when the
 * status names a different canary the count starts afresh, and an ejected canary stays ejected until
 * then. Thread-safe; every update is one atomic step of the pure rule.
 */
public final class CanaryEjection {

    private final EjectionRule rule;
    private final AtomicReference<Tracked> tracked;

    public CanaryEjection(EjectionRule rule) {
        this.rule = rule;
        this.tracked = new AtomicReference<>(new Tracked(null, rule.start()));
    }

    /** Whether this canary is ejected. */
    public boolean isEjected(ModelRef canary) {
        Tracked current = tracked.get();
        return canary != null && Objects.equals(current.canary(), canary) && current.state().ejected();
    }

    /** @return true when this observation ejected the canary */
    public boolean onCanary(ModelRef canary, CanaryJudgement judgement) {
        return update(canary, state -> rule.onCanary(state, judgement));
    }

    /** @return true when this observation ejected the canary */
    public boolean onStable(ModelRef canary, boolean succeeded) {
        return canary != null && update(canary, state -> rule.onStable(state, succeeded));
    }

    private boolean update(ModelRef canary, UnaryOperator<EjectionRule.State> step) {
        Tracked before;
        Tracked after;
        do {
            before = tracked.get();
            EjectionRule.State state = Objects.equals(before.canary(), canary) ? before.state() : rule.start();
            after = new Tracked(canary, step.apply(state));
        } while (!tracked.compareAndSet(before, after));
        boolean wasEjected = Objects.equals(before.canary(), canary) && before.state().ejected();
        return after.state().ejected() && !wasEjected;
    }

    private record Tracked(ModelRef canary, EjectionRule.State state) {
    }
}
