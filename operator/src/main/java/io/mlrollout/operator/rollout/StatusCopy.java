package io.mlrollout.operator.rollout;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlrollout.api.v1alpha1.ModelDeploymentStatus;

/** A deep copy of a status, so that deciding never changes the object it was given. */
public final class StatusCopy {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StatusCopy() {
    }

    public static ModelDeploymentStatus of(ModelDeploymentStatus status) {
        return status == null ? new ModelDeploymentStatus() : MAPPER.convertValue(status, ModelDeploymentStatus.class);
    }
}
