package io.mlrollout.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** DJL engines the model server ships with. */
public enum ModelEngine implements SpecName {
    @JsonProperty("OnnxRuntime")
    ONNX_RUNTIME("OnnxRuntime");

    private final String specName;

    ModelEngine(String specName) {
        this.specName = specName;
    }

    @Override
    public String specName() {
        return specName;
    }
}
