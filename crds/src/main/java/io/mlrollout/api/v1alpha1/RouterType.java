package io.mlrollout.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How the operator splits traffic between versions. */
public enum RouterType implements SpecName {
    /** A Service over the pods of every version: the weight is the canary's share of replicas. */
    @JsonProperty("service")
    SERVICE("service"),
    /** A Gateway API HTTPRoute with weighted backendRefs to the per-version Services. */
    @JsonProperty("gateway-api")
    GATEWAY_API("gateway-api");

    private final String specName;

    RouterType(String specName) {
        this.specName = specName;
    }

    @Override
    public String specName() {
        return specName;
    }
}
