package io.mlrollout.router.routing;

import io.mlrollout.api.v1alpha1.ModelRef;

/**
 * What the ModelDeployment's status asks of the router: the stable and canary models and the canary's
 * share in percent. Read from the status only; the router never writes it.
 *
 * @param canary null when no rollout runs
 */
public record TrafficIntent(ModelRef stable, ModelRef canary, int canaryWeight) {

    public TrafficIntent {
        if (stable == null) {
            throw new IllegalArgumentException("a traffic intent needs a stable model");
        }
        if (canaryWeight < 0 || canaryWeight > 100) {
            throw new IllegalArgumentException("canaryWeight " + canaryWeight + " is not in 0..100");
        }
        if (canary != null && canary.equals(stable)) {
            canary = null;
        }
    }
}
