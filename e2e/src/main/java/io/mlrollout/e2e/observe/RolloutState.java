package io.mlrollout.e2e.observe;

import io.mlrollout.api.v1alpha1.AnalysisStatus;
import io.mlrollout.api.v1alpha1.MetricResult;
import io.mlrollout.api.v1alpha1.ModelDeployment;
import io.mlrollout.api.v1alpha1.ModelDeploymentStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What {@code kubectl get mdep} shows of one ModelDeployment at one moment, plus the last analysis.
 *
 * @param analysisTime the time of the last analysis, to tell a new verdict from the same one
 */
public record RolloutState(Instant seenAt, String phase, String stableVersion, String canaryVersion, int canaryWeight,
                           Integer currentStep, String message, String analysisTime, String analysis) {

    public static RolloutState of(ModelDeployment md, Instant seenAt) {
        ModelDeploymentStatus s = md.getStatus() == null ? new ModelDeploymentStatus() : md.getStatus();
        AnalysisStatus analysis = s.getLastAnalysis();
        return new RolloutState(seenAt, s.getPhase() == null ? "" : s.getPhase().name(), s.getStableVersion(), s.getCanaryVersion(),
                s.getCanaryWeight() == null ? 0 : s.getCanaryWeight(), s.getCurrentStep(), s.getMessage(),
                analysis == null ? null : analysis.getTime(),
                // A run that only starts the analysis clock has no verdict yet: nothing to show.
                analysis == null || analysis.getVerdict() == null ? null : describe(analysis));
    }

    /** Same row and same analysis; the time seen does not count. */
    boolean sameAs(RolloutState other) {
        return Objects.equals(phase, other.phase) && Objects.equals(stableVersion, other.stableVersion)
                && Objects.equals(canaryVersion, other.canaryVersion) && canaryWeight == other.canaryWeight
                && Objects.equals(currentStep, other.currentStep) && Objects.equals(message, other.message)
                && Objects.equals(analysisTime, other.analysisTime);
    }

    public String row() {
        return String.format("%-12s stable=%-8s canary=%-8s weight=%3d%% step=%s  %s", phase, dash(stableVersion), dash(canaryVersion),
                canaryWeight, currentStep == null ? "-" : currentStep, message == null ? "" : message);
    }

    /** "Fail: error-rate 0.00 (stable 0.00, limit 0.01) Pass, client-error-rate 0.52 ... Fail". */
    static String describe(AnalysisStatus analysis) {
        String metrics = analysis.getMetrics() == null ? "" : analysis.getMetrics().stream().map(RolloutState::describe)
                .collect(Collectors.joining(", "));
        return analysis.getVerdict() + (metrics.isEmpty() ? "" : ": " + metrics);
    }

    private static String describe(MetricResult m) {
        return m.getName() + " " + number(m.getCanary()) + " (stable " + number(m.getStable()) + ", limit " + number(m.getLimit())
                + (m.getSampleSize() == null ? "" : ", n=" + m.getSampleSize()) + ") " + m.getVerdict();
    }

    private static String number(Double value) {
        return value == null ? "-" : String.format("%.4g", value);
    }

    private static String dash(String value) {
        return value == null ? "-" : value;
    }
}
