package io.mlrollout.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The metric backends a policy can name. */
public enum MetricProviderType implements SpecName {
    @JsonProperty("model-server")
    MODEL_SERVER("model-server"),
    @JsonProperty("prometheus")
    PROMETHEUS("prometheus");

    private final String specName;

    MetricProviderType(String specName) {
        this.specName = specName;
    }

    @Override
    public String specName() {
        return specName;
    }
}
