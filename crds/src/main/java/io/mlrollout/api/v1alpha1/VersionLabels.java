package io.mlrollout.api.v1alpha1;

/**
 * The labels the operator puts on every model-server pod, which anything that routes to one
 * version (the operator's Services, the model router) selects on.
 */
public final class VersionLabels {

    /** The name of the ModelDeployment the pod serves. */
    public static final String MODEL_DEPLOYMENT = "mlrollout.io/model-deployment";
    /** {@link VersionNames#slug} of the model version the pod serves. */
    public static final String VERSION = "mlrollout.io/version";

    private VersionLabels() {
    }
}
