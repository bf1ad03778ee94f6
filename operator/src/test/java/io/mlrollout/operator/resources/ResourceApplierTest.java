package io.mlrollout.operator.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.mlrollout.api.v1alpha1.ModelDeployment;
import io.mlrollout.api.v1alpha1.ModelRef;
import io.mlrollout.api.v1alpha1.ServingSpec;
import org.junit.jupiter.api.Test;

/** The applier against the fabric8 mock API server: what reaches the server, and what is left alone. */
@EnableKubernetesMockClient(crud = true)
class ResourceApplierTest {

    KubernetesClient client;

    private Deployment desired(ModelDeployment md, int replicas) {
        return DesiredDeployment.of(md, ModelRef.of(md.getSpec().getModel()), replicas, Labels.ROLE_STABLE, DesiredDeploymentTest.DEFAULTS);
    }

    private Deployment stored(ModelDeployment md) {
        return client.apps().deployments().inNamespace("ml").withName(desired(md, 1).getMetadata().getName()).get();
    }

    @Test
    void aChangedServingSpecReachesThePodTemplate() {
        ResourceApplier applier = new ResourceApplier(client);
        ModelDeployment md = DesiredDeploymentTest.md();
        md.getSpec().setServing(new ServingSpec());
        md.getSpec().getServing().setResources(new ResourceRequirementsBuilder().addToLimits("memory", new Quantity("512Mi")).build());
        applier.deployment(desired(md, 2), null);

        md.getSpec().getServing().setResources(new ResourceRequirementsBuilder().addToLimits("memory", new Quantity("768Mi")).build());
        applier.deployment(desired(md, 2), stored(md));

        Deployment after = stored(md);
        assertThat(after.getSpec().getTemplate().getSpec().getContainers().get(0).getResources().getLimits().get("memory"))
                .isEqualTo(new Quantity("768Mi"));
        assertThat(after.getMetadata().getAnnotations().get(Labels.SPEC_HASH_ANNOTATION))
                .isEqualTo(desired(md, 2).getMetadata().getAnnotations().get(Labels.SPEC_HASH_ANNOTATION));
    }

    @Test
    void aReplicaChangeLeavesThePodTemplateAsTheServerHasIt() {
        ResourceApplier applier = new ResourceApplier(client);
        ModelDeployment md = DesiredDeploymentTest.md();
        applier.deployment(desired(md, 2), null);
        Deployment edited = stored(md);
        edited.getSpec().getTemplate().getMetadata().setAnnotations(java.util.Map.of("kubectl.kubernetes.io/restartedAt", "now"));
        client.resource(edited).update();

        applier.deployment(desired(md, 3), stored(md));

        Deployment after = stored(md);
        assertThat(after.getSpec().getReplicas()).isEqualTo(3);
        assertThat(after.getSpec().getTemplate().getMetadata().getAnnotations()).containsEntry("kubectl.kubernetes.io/restartedAt", "now");
    }

    @Test
    void anObjectThatAlreadyMatchesIsNotWritten() {
        ResourceApplier applier = new ResourceApplier(client);
        ModelDeployment md = DesiredDeploymentTest.md();
        applier.deployment(desired(md, 2), null);
        String version = stored(md).getMetadata().getResourceVersion();

        applier.deployment(desired(md, 2), stored(md));

        assertThat(stored(md).getMetadata().getResourceVersion()).isEqualTo(version);
    }
}
