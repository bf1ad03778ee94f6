package io.mlrollout.operator.rollout;

import java.util.Optional;

/**
 * What the cluster shows of one version's pods.
 *
 * @param replicas the Deployment's desired replicas
 * @param readyReplicas pods that pass their readiness probe
 * @param failure why the pods cannot serve, when waiting will not help (a crash loop, an image
 *     that cannot be pulled), as a sentence for people
 * @param notReadyReason what the pods themselves say keeps them from Ready (say, a model whose
 *     sha256 does not match), reported when the rollout gives up on them
 */
public record VersionObservation(boolean exists, int replicas, int readyReplicas, Optional<String> failure,
                                 Optional<String> notReadyReason) {

    public static VersionObservation missing() {
        return new VersionObservation(false, 0, 0, Optional.empty(), Optional.empty());
    }

    public static VersionObservation of(int replicas, int readyReplicas) {
        return new VersionObservation(true, replicas, readyReplicas, Optional.empty(), Optional.empty());
    }

    public VersionObservation failing(String why) {
        return new VersionObservation(exists, replicas, readyReplicas, Optional.of(why), notReadyReason);
    }

    public VersionObservation notReadyBecause(String why) {
        return new VersionObservation(exists, replicas, readyReplicas, failure, Optional.of(why));
    }

    /** ": <reason>" when the pods said why they are not Ready, else nothing. */
    String becauseSuffix() {
        return notReadyReason.map(reason -> ": " + reason).orElse("");
    }

    /** Every wanted pod (and at least {@code atLeast}) is Ready. */
    public boolean readyWith(int atLeast) {
        return exists && readyReplicas >= atLeast && readyReplicas >= Math.min(replicas, atLeast);
    }
}
