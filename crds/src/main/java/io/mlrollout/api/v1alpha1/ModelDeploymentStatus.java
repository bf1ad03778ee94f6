package io.mlrollout.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the operator knows about a rollout. All rollout state lives here, so an operator
 * restarted mid-rollout resumes at the same step with the same weights.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ModelDeploymentStatus {

    @JsonPropertyDescription("Where the ModelDeployment stands.")
    private Phase phase;
    @JsonPropertyDescription("A human-readable sentence on the current state.")
    private String message;
    @JsonPropertyDescription("The version that serves when no rollout runs, and the rollback target.")
    private String stableVersion;
    @JsonPropertyDescription("The version being rolled out, if any.")
    private String canaryVersion;
    @JsonPropertyDescription("The canary's share of traffic really in effect, in percent (not the wish).")
    private Integer canaryWeight;
    @JsonPropertyDescription("Index of the policy step the rollout is at.")
    private Integer currentStep;
    @JsonPropertyDescription("Number of steps of the policy in use.")
    private Integer totalSteps;
    @JsonPropertyDescription("The metadata.generation this status describes.")
    private Long observedGeneration;
    @JsonPropertyDescription("Ready, Progressing and Degraded.")
    private List<Condition> conditions = new ArrayList<>();
    @JsonPropertyDescription("The latest analysis of the canary, metric by metric.")
    private AnalysisStatus lastAnalysis;
    @JsonPropertyDescription("Finished rollouts, newest first (bounded).")
    private List<HistoryEntry> history = new ArrayList<>();

    @JsonPropertyDescription("The stable model: version, uri and sha256.")
    private ModelRef stable;
    @JsonPropertyDescription("The canary model: version, uri and sha256.")
    private ModelRef canary;
    @JsonPropertyDescription("A model that was rolled back or aborted; it is not tried again until the spec "
            + "names another model or the retry annotation changes.")
    private ModelRef rejected;
    @JsonPropertyDescription("When the current rollout started.")
    private String rolloutStartedAt;
    @JsonPropertyDescription("When the current step started.")
    private String stepStartedAt;
    @JsonPropertyDescription("Failed analysis runs of this rollout so far; failureLimit of them roll it back.")
    private Integer failedChecks;
    @JsonPropertyDescription("Inconclusive analysis runs in a row.")
    private Integer inconclusiveChecks;
    @JsonPropertyDescription("Values of the promote, abort and retry annotations already acted on.")
    private HandledRequests handledRequests;
    @JsonPropertyDescription("The steps of the policy the current rollout walks, e.g. \"10% 1m 50% 2m\"; when the policy's "
            + "steps differ, the walk restarts at the current weight or lower.")
    private String policySteps;
    @JsonPropertyDescription("Since when the RolloutPolicy of a running rollout has been missing or invalid; the "
            + "canary holds its weight and is rolled back after the progress deadline unless the policy returns.")
    private String policyUnavailableSince;
    @JsonPropertyDescription("When a promotion first saw all traffic on the new version; the old version is retired "
            + "a drain delay (5 s) later.")
    private String drainingSince;

    public String getDrainingSince() {
        return drainingSince;
    }

    public void setDrainingSince(String drainingSince) {
        this.drainingSince = drainingSince;
    }

    public String getPolicySteps() {
        return policySteps;
    }

    public void setPolicySteps(String policySteps) {
        this.policySteps = policySteps;
    }

    public String getPolicyUnavailableSince() {
        return policyUnavailableSince;
    }

    public void setPolicyUnavailableSince(String policyUnavailableSince) {
        this.policyUnavailableSince = policyUnavailableSince;
    }

    public Phase getPhase() {
        return phase;
    }

    public void setPhase(Phase phase) {
        this.phase = phase;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public String getStableVersion() {
        return stableVersion;
    }

    public void setStableVersion(String stableVersion) {
        this.stableVersion = stableVersion;
    }

    public String getCanaryVersion() {
        return canaryVersion;
    }

    public void setCanaryVersion(String canaryVersion) {
        this.canaryVersion = canaryVersion;
    }

    public Integer getCanaryWeight() {
        return canaryWeight;
    }

    public void setCanaryWeight(Integer canaryWeight) {
        this.canaryWeight = canaryWeight;
    }

    public Integer getCurrentStep() {
        return currentStep;
    }

    public void setCurrentStep(Integer currentStep) {
        this.currentStep = currentStep;
    }

    public Integer getTotalSteps() {
        return totalSteps;
    }

    public void setTotalSteps(Integer totalSteps) {
        this.totalSteps = totalSteps;
    }

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    public List<Condition> getConditions() {
        return conditions;
    }

    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions;
    }

    public AnalysisStatus getLastAnalysis() {
        return lastAnalysis;
    }

    public void setLastAnalysis(AnalysisStatus lastAnalysis) {
        this.lastAnalysis = lastAnalysis;
    }

    public List<HistoryEntry> getHistory() {
        return history;
    }

    public void setHistory(List<HistoryEntry> history) {
        this.history = history;
    }

    public ModelRef getStable() {
        return stable;
    }

    public void setStable(ModelRef stable) {
        this.stable = stable;
    }

    public ModelRef getCanary() {
        return canary;
    }

    public void setCanary(ModelRef canary) {
        this.canary = canary;
    }

    public ModelRef getRejected() {
        return rejected;
    }

    public void setRejected(ModelRef rejected) {
        this.rejected = rejected;
    }

    public String getRolloutStartedAt() {
        return rolloutStartedAt;
    }

    public void setRolloutStartedAt(String rolloutStartedAt) {
        this.rolloutStartedAt = rolloutStartedAt;
    }

    public String getStepStartedAt() {
        return stepStartedAt;
    }

    public void setStepStartedAt(String stepStartedAt) {
        this.stepStartedAt = stepStartedAt;
    }

    public Integer getFailedChecks() {
        return failedChecks;
    }

    public void setFailedChecks(Integer failedChecks) {
        this.failedChecks = failedChecks;
    }

    public Integer getInconclusiveChecks() {
        return inconclusiveChecks;
    }

    public void setInconclusiveChecks(Integer inconclusiveChecks) {
        this.inconclusiveChecks = inconclusiveChecks;
    }

    public HandledRequests getHandledRequests() {
        return handledRequests;
    }

    public void setHandledRequests(HandledRequests handledRequests) {
        this.handledRequests = handledRequests;
    }
}
