package io.mlrollout.operator.resources;

import io.mlrollout.api.v1alpha1.VersionNames;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.mlrollout.api.v1alpha1.ModelDeployment;
import io.mlrollout.api.v1alpha1.ModelRef;
import java.util.HashMap;
import java.util.Map;

/** Ownership and identity shared by everything created for a ModelDeployment. */
public final class Owner {

    private Owner() {
    }

    public static OwnerReference reference(ModelDeployment md) {
        return new OwnerReferenceBuilder()
                .withApiVersion(md.getApiVersion())
                .withKind(md.getKind())
                .withName(md.getMetadata().getName())
                .withUid(md.getMetadata().getUid())
                .withController(true)
                .withBlockOwnerDeletion(true)
                .build();
    }

    /** Labels of the ModelDeployment's objects; the version and role are omitted when null. */
    public static Map<String, String> labels(ModelDeployment md, ModelRef model, String role) {
        Map<String, String> labels = new HashMap<>();
        labels.put(Labels.MODEL_DEPLOYMENT, md.getMetadata().getName());
        labels.put(Labels.MANAGED_BY, Labels.MANAGER);
        if (model != null) {
            labels.put(Labels.VERSION, VersionNames.slug(model));
        }
        if (role != null) {
            labels.put(Labels.ROLE, role);
        }
        return labels;
    }
}
