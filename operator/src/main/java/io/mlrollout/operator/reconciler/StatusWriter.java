package io.mlrollout.operator.reconciler;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import io.mlrollout.api.v1alpha1.ModelDeployment;
import io.mlrollout.api.v1alpha1.ModelDeploymentStatus;

/**
 * Writes the status subresource only when it changed, with optimistic concurrency, and puts the
 * result in the cache so the next reconcile never decides on the status it just replaced.
 */
final class StatusWriter {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** @return the resource as the server now has it (the given one when nothing changed) */
    ModelDeployment write(ModelDeployment md, ModelDeploymentStatus status, Context<ModelDeployment> context) {
        if (MAPPER.valueToTree(status).equals(MAPPER.valueToTree(md.getStatus() == null ? new ModelDeploymentStatus() : md.getStatus()))) {
            return md;
        }
        // On a copy: the framework edits the resource it is given, and a write that fails must not
        // leave the unwritten status in the object the error handler reports from.
        ModelDeployment copy = context.getClient().getKubernetesSerialization().clone(md);
        return PrimaryUpdateAndCacheUtils.updateStatusAndCacheResource(copy, context, fresh -> {
            fresh.setStatus(status);
            return fresh;
        });
    }
}
