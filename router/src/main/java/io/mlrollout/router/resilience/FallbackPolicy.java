package io.mlrollout.router.resilience;

import io.mlrollout.router.routing.Role;
import java.util.Optional;

/**
 * Whether a request goes to the stable version a second time, after its first attempt. Only a canary
 * attempt is ever retried, at most once, and never one pinned to the canary by hand (the tester wants
 * the canary's own answer). A client error is retried too: only the stable version's answer tells a
 * bad request (the stable refuses it alike) from a schema break (the stable takes it). Inference is
 * idempotent, so the retry is safe.
 */
public final class FallbackPolicy {

    private FallbackPolicy() {
    }

    /**
     * @param stableRoutable whether the stable version has Ready pods
     * @param timeLeft whether the request's deadline leaves time for a second attempt
     */
    public static Optional<FallbackReason> retryOnStable(FirstAttempt first, boolean stableRoutable, boolean timeLeft) {
        if (first.role() != Role.CANARY || first.pinned() || !stableRoutable || !timeLeft) {
            return Optional.empty();
        }
        return switch (first.result().outcome()) {
            case SUCCESS -> Optional.empty();
            case CLIENT_ERROR -> Optional.of(FallbackReason.CLIENT_ERROR);
            case SERVER_ERROR -> Optional.of(FallbackReason.SERVER_ERROR);
            case TIMEOUT -> Optional.of(FallbackReason.TIMEOUT);
            case REJECTED -> Optional.of(FallbackReason.CONNECTION);
        };
    }

    /** The first attempt of a request: which role served it, whether a header pinned it there, and how it ended. */
    public record FirstAttempt(Role role, boolean pinned, AttemptResult result) {
    }
}
