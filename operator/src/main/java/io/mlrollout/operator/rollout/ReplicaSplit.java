package io.mlrollout.operator.rollout;

/**
 * How many pods each version runs for a canary weight.
 *
 * <p>With replica-ratio routing (a Service over the pods of both versions) the weight is the
 * canary's share of pods: the stable version scales down as the canary scales up, but never
 * below one pod before promotion. With weighted routing (an HTTPRoute) the stable keeps all its
 * pods and the canary gets enough for its share.
 *
 * <p>At 100% both run at full size, whatever the routing: until promotion the stable version must
 * be able to take all traffic back at once, and a rollback from 100% must not meet a stable
 * version with no pods.
 */
public record ReplicaSplit(int stable, int canary) {

    public ReplicaSplit {
        if (stable < 0 || canary < 0) {
            throw new IllegalArgumentException("replicas cannot be negative");
        }
    }

    public static ReplicaSplit byReplicaRatio(int replicas, int weight) {
        checkArguments(replicas, weight);
        if (weight == 0) {
            return new ReplicaSplit(replicas, 1);
        }
        if (weight == 100) {
            return new ReplicaSplit(replicas, replicas);
        }
        if (replicas == 1) {
            // One pod cannot be split: run one of each (50%) rather than skip the canary step.
            return new ReplicaSplit(1, 1);
        }
        int canary = Math.max(1, Math.min(replicas - 1, Math.round(replicas * weight / 100f)));
        return new ReplicaSplit(replicas - canary, canary);
    }

    public static ReplicaSplit byWeightedRoute(int replicas, int weight) {
        checkArguments(replicas, weight);
        int canary = Math.max(1, (int) Math.ceil(replicas * weight / 100.0));
        return new ReplicaSplit(replicas, canary);
    }

    /**
     * The canary's share of traffic, in percent, when every one of these pods is Ready and a
     * replica-ratio router selects both versions (below 100%; at 100% it selects the canary alone).
     */
    public int effectiveWeight() {
        return weightOf(stable, canary);
    }

    public static int weightOf(int stablePods, int canaryPods) {
        int total = stablePods + canaryPods;
        return total == 0 ? 0 : Math.round(100f * canaryPods / total);
    }

    private static void checkArguments(int replicas, int weight) {
        if (replicas < 1) {
            throw new IllegalArgumentException("replicas must be at least 1, was " + replicas);
        }
        if (weight < 0 || weight > 100) {
            throw new IllegalArgumentException("weight must be 0..100, was " + weight);
        }
    }
}
