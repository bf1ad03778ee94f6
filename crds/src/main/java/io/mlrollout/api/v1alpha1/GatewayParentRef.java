package io.mlrollout.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** A Gateway an HTTPRoute attaches to. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GatewayParentRef {

    @Required
    @JsonPropertyDescription("Gateway name.")
    private String name;

    @JsonPropertyDescription("Gateway namespace. Default: the ModelDeployment's namespace.")
    private String namespace;

    @JsonPropertyDescription("Listener of the Gateway to attach to.")
    private String sectionName;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getNamespace() {
        return namespace;
    }

    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    public String getSectionName() {
        return sectionName;
    }

    public void setSectionName(String sectionName) {
        this.sectionName = sectionName;
    }
}
