package io.mlrollout.operator.resources;

import io.mlrollout.api.v1alpha1.VersionNames;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.mlrollout.api.v1alpha1.ModelDeployment;
import io.mlrollout.api.v1alpha1.ModelRef;
import java.util.Map;

/** Services: one per version, and the one named after the ModelDeployment that clients call. */
public final class DesiredService {

    public static final int SERVICE_PORT = 80;

    private DesiredService() {
    }

    /** {@code <md>-<version-slug>}: the pods of one version, for metrics and weighted routes. */
    public static Service forVersion(ModelDeployment md, ModelRef model, String role) {
        return service(md, VersionNames.objectName(md.getMetadata().getName(), model),
                Owner.labels(md, model, role), DesiredDeployment.podLabels(md, model));
    }

    /** {@code <md>}: the Service clients call; its selector is how the service router moves traffic. */
    public static Service forModel(ModelDeployment md, Map<String, String> selector) {
        return service(md, md.getMetadata().getName(), Owner.labels(md, null, null), selector);
    }

    private static Service service(ModelDeployment md, String name, Map<String, String> labels, Map<String, String> selector) {
        Service service = new ServiceBuilder()
                .withNewMetadata()
                    .withName(name)
                    .withNamespace(md.getMetadata().getNamespace())
                    .withLabels(labels)
                    .withOwnerReferences(Owner.reference(md))
                .endMetadata()
                .withNewSpec()
                    .withSelector(selector)
                    .addNewPort().withName("http").withPort(SERVICE_PORT).withTargetPort(new IntOrString("http")).endPort()
                .endSpec()
                .build();
        service.getMetadata().setAnnotations(new java.util.HashMap<>(Map.of(Labels.SPEC_HASH_ANNOTATION,
                SpecHash.of(service.getSpec()))));
        return service;
    }
}
