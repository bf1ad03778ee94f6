package io.mlrollout.operator.rollout;

import io.mlrollout.api.v1alpha1.ModelRef;
import java.util.Map;
import java.util.Optional;

/**
 * One snapshot of the cluster, taken before deciding.
 *
 * @param versions the pods of each model version the ModelDeployment runs
 * @param effectiveWeight the share of traffic the router really gives the canary now, in percent
 * @param analysis the verdict of the analysis run during this reconcile, if one was due
 */
public record Observation(Map<ModelRef, VersionObservation> versions, int effectiveWeight,
                          Optional<AnalysisOutcome> analysis) {

    public Observation {
        versions = Map.copyOf(versions);
    }

    public static Observation of(Map<ModelRef, VersionObservation> versions, int effectiveWeight) {
        return new Observation(versions, effectiveWeight, Optional.empty());
    }

    /** The pods of a version; a version the cluster does not run has none. */
    public VersionObservation pods(ModelRef model) {
        return model == null ? VersionObservation.missing() : versions.getOrDefault(model, VersionObservation.missing());
    }

    public Observation withAnalysis(AnalysisOutcome outcome) {
        return new Observation(versions, effectiveWeight, Optional.of(outcome));
    }
}
