package io.mlrollout.operator.resources;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * Creates or updates the objects the operator owns. Updates start from the object as the server
 * has it and replace only the parts the operator owns, sent with its resourceVersion: a concurrent
 * change fails with 409 Conflict and the reconcile is retried, never silently overwritten. Objects
 * that already match (same spec digest, labels and replicas) are not written at all.
 */
public final class ResourceApplier {

    private final KubernetesClient client;
    private final KubernetesSerialization serialization;

    public ResourceApplier(KubernetesClient client) {
        this.client = client;
        this.serialization = client.getKubernetesSerialization();
    }

    /**
     * The pod template is replaced only when its digest changed (image, resources, port, env), so
     * that an ordinary rolling update follows; the digest is compared with the object as the server
     * has it, before the new digest is copied onto the update.
     */
    public Deployment deployment(Deployment desired, Deployment existing) {
        boolean templateChanged = existing != null && !sameHash(existing, desired);
        return apply(desired, existing, Objects.equals(replicas(desired), replicas(existing)), (updated, wanted) -> {
            updated.getSpec().setReplicas(wanted.getSpec().getReplicas());
            if (templateChanged) {
                updated.getSpec().setTemplate(wanted.getSpec().getTemplate());
            }
        });
    }

    public Service service(Service desired, Service existing) {
        return apply(desired, existing, true, (updated, wanted) -> {
            updated.getSpec().setSelector(wanted.getSpec().getSelector());
            updated.getSpec().setPorts(wanted.getSpec().getPorts());
        });
    }

    /** For kinds whose whole spec the operator owns. */
    public <T extends HasMetadata> T generic(T desired, T existing, BiConsumer<T, T> copySpec) {
        return apply(desired, existing, true, copySpec);
    }

    private <T extends HasMetadata> T apply(T desired, T existing, boolean restMatches, BiConsumer<T, T> copyOwned) {
        if (existing == null) {
            return client.resource(desired).create();
        }
        if (restMatches && sameHash(existing, desired) && containsAll(existing.getMetadata().getLabels(), desired.getMetadata().getLabels())) {
            return existing;
        }
        T updated = serialization.clone(existing);
        updated.getMetadata().setLabels(merged(updated.getMetadata().getLabels(), desired.getMetadata().getLabels()));
        updated.getMetadata().setAnnotations(merged(updated.getMetadata().getAnnotations(), desired.getMetadata().getAnnotations()));
        updated.getMetadata().setOwnerReferences(desired.getMetadata().getOwnerReferences());
        copyOwned.accept(updated, desired);
        return client.resource(updated).update();
    }

    private static boolean sameHash(HasMetadata a, HasMetadata b) {
        return Objects.equals(annotation(a, Labels.SPEC_HASH_ANNOTATION), annotation(b, Labels.SPEC_HASH_ANNOTATION));
    }

    private static String annotation(HasMetadata object, String key) {
        Map<String, String> annotations = object.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(key);
    }

    private static Integer replicas(Deployment deployment) {
        return deployment == null || deployment.getSpec() == null ? null : deployment.getSpec().getReplicas();
    }

    private static boolean containsAll(Map<String, String> actual, Map<String, String> wanted) {
        return wanted == null || (actual != null && actual.entrySet().containsAll(wanted.entrySet()));
    }

    private static Map<String, String> merged(Map<String, String> base, Map<String, String> overrides) {
        Map<String, String> result = base == null ? new HashMap<>() : new HashMap<>(base);
        if (overrides != null) {
            result.putAll(overrides);
        }
        return result;
    }
}
