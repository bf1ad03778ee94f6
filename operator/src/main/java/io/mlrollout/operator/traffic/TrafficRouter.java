package io.mlrollout.operator.traffic;

import io.mlrollout.api.v1alpha1.ModelDeployment;
import io.mlrollout.api.v1alpha1.ModelRef;
import io.mlrollout.operator.rollout.Topology;
import io.mlrollout.operator.rollout.VersionObservation;

/**
 * Moves traffic between the stable and the canary version. One implementation per way of routing,
 * picked by {@code spec.traffic.router}.
 */
public interface TrafficRouter {

    /** True when the weight comes from pod counts, so the canary's share follows its replicas. */
    boolean weightsByReplicas();

    /** Makes the routing objects say what the topology asks. */
    void apply(ModelDeployment md, Topology topology);

    /** The canary's share of traffic the routing really gives it now, in percent; 0 without a canary. */
    int effectiveWeight(ModelDeployment md, ModelRef canaryModel, VersionObservation stable, VersionObservation canary);
}
