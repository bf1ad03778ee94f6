package io.mlrollout.operator.rollout;

import io.mlrollout.api.v1alpha1.AnalysisStatus;
import io.mlrollout.api.v1alpha1.ModelDeploymentStatus;
import io.mlrollout.api.v1alpha1.Phase;
import io.mlrollout.api.v1alpha1.Verdict;
import java.time.Duration;
import java.time.Instant;

/** When the canary is judged: every interval while it has traffic, counted from the last run. */
public final class AnalysisSchedule {

    private AnalysisSchedule() {
    }

    public static boolean isDue(ModelDeploymentStatus status, ResolvedPolicy policy, Instant now) {
        return policy.analysesMetrics() && status != null && status.getCanary() != null
                && (status.getPhase() == Phase.Progressing || status.getPhase() == Phase.Paused)
                && status.getCanaryWeight() != null && status.getCanaryWeight() > 0
                && !now.isBefore(nextRun(status.getLastAnalysis(), policy.analysisInterval()));
    }

    static Instant nextRun(AnalysisStatus last, Duration interval) {
        return last == null || last.getTime() == null ? Instant.MIN : Instant.parse(last.getTime()).plus(interval);
    }

    /** A run that starts the clock without judging anything: the first real run comes one interval later. */
    static AnalysisStatus start(Instant now) {
        AnalysisStatus start = new AnalysisStatus();
        start.setTime(now.toString());
        return start;
    }

    /**
     * A window that starts again (the steps changed, the policy returned): nothing judged yet, but
     * the metrics of the last run stay, so that a stable version without traffic (the canary at
     * 100%) is still compared with its last known values.
     */
    static AnalysisStatus restart(Instant now, AnalysisStatus previous) {
        AnalysisStatus restart = start(now);
        if (previous != null) {
            restart.setMetrics(previous.getMetrics());
        }
        return restart;
    }

    /** Whether this status starts an analysis window at {@code now}: baselines are taken then. */
    public static boolean startsWindow(ModelDeploymentStatus status, Instant now) {
        AnalysisStatus last = status.getLastAnalysis();
        return last != null && last.getVerdict() == null && now.toString().equals(last.getTime());
    }

    /** Whether the latest run passed and was taken at or after {@code since}. */
    static boolean passedSince(ModelDeploymentStatus status, String since) {
        AnalysisStatus last = status.getLastAnalysis();
        return last != null && last.getVerdict() == Verdict.Pass && last.getTime() != null && since != null
                && !Instant.parse(last.getTime()).isBefore(Instant.parse(since));
    }
}
