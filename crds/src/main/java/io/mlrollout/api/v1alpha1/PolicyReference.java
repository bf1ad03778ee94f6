package io.mlrollout.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

public class PolicyReference {

    @Required
    @JsonPropertyDescription("Name of a RolloutPolicy in the ModelDeployment's namespace.")
    private String name;

    public PolicyReference() {
    }

    public PolicyReference(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
