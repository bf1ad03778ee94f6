package io.mlrollout.api.v1alpha1;

/** The API group and version of every mlrollout resource. */
public final class ApiGroup {
    public static final String NAME = "mlrollout.io";
    public static final String VERSION = "v1alpha1";
    public static final String API_VERSION = NAME + "/" + VERSION;

    private ApiGroup() {
    }
}
