package io.mlrollout.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class ModelDeploymentSpec {

    @Required
    @JsonPropertyDescription("The model version that should serve. Changing version, uri or sha256 starts a rollout.")
    private ModelSpec model;

    @Min(1)
    @Max(100)
    @JsonPropertyDescription("Model-server pods per version once it is stable. Default 1.")
    private Integer replicas;

    @JsonPropertyDescription("How the model-server pods run. Unset fields take the operator's defaults.")
    private ServingSpec serving;

    @JsonPropertyDescription("How traffic is split between the stable and the canary version.")
    private TrafficSpec traffic;

    @JsonPropertyDescription("The RolloutPolicy, in the same namespace, that a new version must pass. "
            + "Unset: the operator's built-in default policy.")
    private PolicyReference rolloutPolicyRef;

    public ModelSpec getModel() {
        return model;
    }

    public void setModel(ModelSpec model) {
        this.model = model;
    }

    public Integer getReplicas() {
        return replicas;
    }

    public void setReplicas(Integer replicas) {
        this.replicas = replicas;
    }

    public ServingSpec getServing() {
        return serving;
    }

    public void setServing(ServingSpec serving) {
        this.serving = serving;
    }

    public TrafficSpec getTraffic() {
        return traffic;
    }

    public void setTraffic(TrafficSpec traffic) {
        this.traffic = traffic;
    }

    public PolicyReference getRolloutPolicyRef() {
        return rolloutPolicyRef;
    }

    public void setRolloutPolicyRef(PolicyReference rolloutPolicyRef) {
        this.rolloutPolicyRef = rolloutPolicyRef;
    }
}
