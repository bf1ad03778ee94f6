package io.mlrollout.operator.resources;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.mlrollout.operator.config.OperatorConfig;

/** What a model-server pod gets for what the ModelDeployment leaves unset. */
public record ModelServerDefaults(String image, int port, ResourceRequirements resources) {

    public static ModelServerDefaults from(OperatorConfig.ModelServer config) {
        return new ModelServerDefaults(config.image(), config.port(), new ResourceRequirementsBuilder()
                .addToRequests("cpu", new Quantity(config.cpuRequest()))
                .addToRequests("memory", new Quantity(config.memoryRequest()))
                .addToLimits("memory", new Quantity(config.memoryLimit()))
                .build());
    }
}
