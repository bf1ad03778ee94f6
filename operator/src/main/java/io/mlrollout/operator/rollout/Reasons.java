package io.mlrollout.operator.rollout;

/** Condition types, condition reasons and Event reasons: CamelCase constants in one place. */
public final class Reasons {

    public static final String READY = "Ready";
    public static final String PROGRESSING = "Progressing";
    public static final String DEGRADED = "Degraded";

    // Ready
    public static final String STABLE_VERSION_READY = "StableVersionReady";
    public static final String STABLE_VERSION_NOT_READY = "StableVersionNotReady";
    public static final String INITIALIZING = "Initializing";
    // Progressing
    public static final String ROLLOUT_IN_PROGRESS = "RolloutInProgress";
    public static final String WAITING_FOR_PROMOTE = "WaitingForPromote";
    public static final String ROLLOUT_COMPLETE = "RolloutComplete";
    public static final String NO_ROLLOUT = "NoRollout";
    // Degraded, and the reasons a canary is rolled back
    public static final String AS_EXPECTED = "AsExpected";
    public static final String INVALID_SPEC = "InvalidSpec";
    public static final String RECONCILE_ERROR = "ReconcileError";
    public static final String POLICY_UNAVAILABLE = "PolicyUnavailable";
    public static final String PROGRESS_DEADLINE_EXCEEDED = "ProgressDeadlineExceeded";
    public static final String CANARY_FAILING = "CanaryFailing";
    public static final String ANALYSIS_FAILED = "AnalysisFailed";
    public static final String INSUFFICIENT_DATA = "InsufficientData";
    public static final String ABORTED = "Aborted";
    public static final String FIRST_VERSION_FAILED = "FirstVersionFailed";

    // Events
    public static final String ROLLOUT_STARTED = "RolloutStarted";
    public static final String WEIGHT_CHANGED = "WeightChanged";
    public static final String PAUSED = "Paused";
    public static final String PROMOTED = "Promoted";
    public static final String ROLLED_BACK = "RolledBack";
    public static final String SUPERSEDED = "Superseded";
    public static final String AVAILABLE = "Available";
    public static final String POLICY_CHANGED = "PolicyChanged";

    private Reasons() {
    }
}
