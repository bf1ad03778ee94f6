package io.mlrollout.operator.resources;

import io.mlrollout.api.v1alpha1.VersionLabels;

/** Labels and annotations the operator puts on what it creates, and reads from ModelDeployments. */
public final class Labels {

    public static final String MODEL_DEPLOYMENT = VersionLabels.MODEL_DEPLOYMENT;
    public static final String VERSION = VersionLabels.VERSION;
    public static final String ROLE = "mlrollout.io/role";
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String NAME = "app.kubernetes.io/name";
    public static final String MANAGER = "mlrollout";
    public static final String MODEL_SERVER = "mlrollout-model-server";

    public static final String ROLE_STABLE = "stable";
    public static final String ROLE_CANARY = "canary";

    /** The model version as written in the spec (labels cannot hold every version string). */
    public static final String MODEL_VERSION_ANNOTATION = "mlrollout.io/model-version";
    /** A digest of what the operator last wrote, so that unchanged objects are not rewritten. */
    public static final String SPEC_HASH_ANNOTATION = "mlrollout.io/spec-hash";

    public static final String PROMOTE_ANNOTATION = "mlrollout.io/promote";
    public static final String ABORT_ANNOTATION = "mlrollout.io/abort";
    public static final String RETRY_ANNOTATION = "mlrollout.io/retry";

    private Labels() {
    }
}
