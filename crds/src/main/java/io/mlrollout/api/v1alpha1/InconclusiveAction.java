package io.mlrollout.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a rollout does when analysis stays inconclusive for too long. */
public enum InconclusiveAction implements SpecName {
    @JsonProperty("rollback")
    ROLLBACK("rollback"),
    @JsonProperty("pause")
    PAUSE("pause");

    private final String specName;

    InconclusiveAction(String specName) {
        this.specName = specName;
    }

    @Override
    public String specName() {
        return specName;
    }
}
