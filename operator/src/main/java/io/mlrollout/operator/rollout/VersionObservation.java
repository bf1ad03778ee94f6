package io.mlrollout.operator.rollout;

import java.util.Optional;

/**
 * What the cluster shows of one version's pods.
 *
 * @param replicas the Deployment's desired replicas
 * @param readyReplicas pods that pass their readiness probe
 * @param failure why the pods cannot serve, when that is known for sure (a crash loop, a model
 *     that failed to load), as a sentence for people
 */
public record VersionObservation(boolean exists, int replicas, int readyReplicas, Optional<String> failure) {

    public static VersionObservation missing() {
        return new VersionObservation(false, 0, 0, Optional.empty());
    }

    public static VersionObservation of(int replicas, int readyReplicas) {
        return new VersionObservation(true, replicas, readyReplicas, Optional.empty());
    }

    public VersionObservation failing(String why) {
        return new VersionObservation(exists, replicas, readyReplicas, Optional.of(why));
    }

    /** Every wanted pod (and at least {@code atLeast}) is Ready. */
    public boolean readyWith(int atLeast) {
        return exists && readyReplicas >= atLeast && readyReplicas >= Math.min(replicas, atLeast);
    }
}
