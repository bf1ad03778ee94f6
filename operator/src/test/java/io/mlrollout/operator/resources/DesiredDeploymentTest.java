package io.mlrollout.operator.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.mlrollout.api.v1alpha1.ModelDeployment;
import io.mlrollout.api.v1alpha1.ModelDeploymentSpec;
import io.mlrollout.api.v1alpha1.ModelRef;
import io.mlrollout.api.v1alpha1.ModelSpec;
import io.mlrollout.api.v1alpha1.ServingSpec;
import io.mlrollout.api.v1alpha1.BatchingSpec;
import io.mlrollout.api.v1alpha1.TlsSpec;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import org.junit.jupiter.api.Test;

class DesiredDeploymentTest {

    static final ModelServerDefaults DEFAULTS = new ModelServerDefaults("registry/model-server:1", 8080,
            new ResourceRequirementsBuilder().addToRequests("cpu", new Quantity("100m")).build());

    static ModelDeployment md() {
        ModelDeployment md = new ModelDeployment();
        md.setMetadata(new ObjectMetaBuilder().withName("fraud").withNamespace("ml").withUid("u-1").build());
        md.setSpec(new ModelDeploymentSpec());
        ModelSpec model = new ModelSpec();
        model.setName("fraud-scorer");
        model.setVersion("2.1.0");
        model.setUri("https://models.example/fraud/2.1.0/model.onnx");
        model.setSha256("a".repeat(64));
        md.getSpec().setModel(model);
        return md;
    }

    @Test
    void runsTheModelServerWithTheModelAndTheRestrictedPodSecurityProfile() {
        ModelDeployment md = md();
        Deployment deployment = DesiredDeployment.of(md, ModelRef.of(md.getSpec().getModel()), 3, Labels.ROLE_CANARY, DEFAULTS);
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);

        assertThat(container.getImage()).isEqualTo("registry/model-server:1");
        assertThat(container.getEnv()).extracting(EnvVar::getName, EnvVar::getValue).contains(
                org.assertj.core.groups.Tuple.tuple("MODEL_NAME", "fraud-scorer"),
                org.assertj.core.groups.Tuple.tuple("MODEL_VERSION", "2.1.0"),
                org.assertj.core.groups.Tuple.tuple("MODEL_URI", "https://models.example/fraud/2.1.0/model.onnx"),
                org.assertj.core.groups.Tuple.tuple("MODEL_SHA256", "a".repeat(64)));
        assertThat(container.getEnv()).extracting(EnvVar::getName, EnvVar::getValue)
                .contains(org.assertj.core.groups.Tuple.tuple("DRAIN_PERIOD", "5s"));
        assertThat(deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds())
                .as("SIGKILL only after the drain and the requests in flight").isGreaterThan(5 + 10);
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/v2/health/ready");
        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/v2/health/live");
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(container.getVolumeMounts()).singleElement().satisfies(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
        assertThat(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(container.getResources()).isEqualTo(DEFAULTS.resources());
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(3);
        assertThat(deployment.getMetadata().getOwnerReferences()).singleElement()
                .satisfies(o -> assertThat(o.getUid()).isEqualTo("u-1"));
    }

    @Test
    void theRoleLabelsTheDeploymentButNotItsPodsSoPromotionRestartsNothing() {
        ModelDeployment md = md();
        ModelRef model = ModelRef.of(md.getSpec().getModel());
        Deployment canary = DesiredDeployment.of(md, model, 1, Labels.ROLE_CANARY, DEFAULTS);
        Deployment stable = DesiredDeployment.of(md, model, 1, Labels.ROLE_STABLE, DEFAULTS);
        assertThat(canary.getMetadata().getLabels()).containsEntry(Labels.ROLE, Labels.ROLE_CANARY);
        assertThat(canary.getSpec().getTemplate().getMetadata().getLabels()).doesNotContainKey(Labels.ROLE);
        assertThat(canary.getSpec().getTemplate()).isEqualTo(stable.getSpec().getTemplate());
        assertThat(canary.getMetadata().getAnnotations().get(Labels.SPEC_HASH_ANNOTATION))
                .isEqualTo(stable.getMetadata().getAnnotations().get(Labels.SPEC_HASH_ANNOTATION));
    }

    @Test
    void servingSettingsOverrideTheDefaults() {
        ModelDeployment md = md();
        md.getSpec().setServing(new ServingSpec());
        md.getSpec().getServing().setImage("mine:2");
        md.getSpec().getServing().setPort(9000);
        Container container = DesiredDeployment.of(md, ModelRef.of(md.getSpec().getModel()), 1, Labels.ROLE_STABLE, DEFAULTS)
                .getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getImage()).isEqualTo("mine:2");
        assertThat(container.getPorts().get(0).getContainerPort()).isEqualTo(9000);
        assertThat(container.getEnv()).extracting(EnvVar::getName, EnvVar::getValue)
                .contains(org.assertj.core.groups.Tuple.tuple("QUARKUS_HTTP_PORT", "9000"));
    }

    @Test
    void batchingAuthenticationAndTlsReachTheContainerAndTheCanaryBatchesLikeTheStable() {
        ModelDeployment md = md();
        ServingSpec serving = new ServingSpec();
        BatchingSpec batching = new BatchingSpec();
        batching.setMaxBatchSize(16);
        batching.setMaxDelay("1s500ms");
        serving.setBatching(batching);
        serving.setAuthToken(new SecretKeySelector("token", "fraud-auth", false));
        TlsSpec tls = new TlsSpec();
        tls.setSecretName("fraud-tls");
        serving.setTls(tls);
        md.getSpec().setServing(serving);
        ModelRef model = ModelRef.of(md.getSpec().getModel());
        Deployment canary = DesiredDeployment.of(md, model, 1, Labels.ROLE_CANARY, DEFAULTS);
        Container container = canary.getSpec().getTemplate().getSpec().getContainers().get(0);

        assertThat(container.getEnv()).extracting(EnvVar::getName, EnvVar::getValue).contains(
                tuple("INFERENCE_BATCH_MAX_SIZE", "16"),
                tuple("INFERENCE_BATCH_MAX_DELAY", "1500ms"),
                tuple(ServingOptions.TLS_CERT_FILE, "/etc/mlrollout/tls/tls.crt"),
                tuple("TLS_KEY_FILE", "/etc/mlrollout/tls/tls.key"));
        assertThat(container.getEnv()).filteredOn(e -> e.getName().equals("AUTH_TOKEN")).singleElement().satisfies(e -> {
            assertThat(e.getValue()).as("never the token itself in the pod template").isNull();
            assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("fraud-auth");
            assertThat(e.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("token");
        });
        assertThat(container.getReadinessProbe().getHttpGet().getScheme()).isEqualTo("HTTPS");
        assertThat(container.getLivenessProbe().getHttpGet().getScheme()).isEqualTo("HTTPS");
        assertThat(container.getVolumeMounts()).anySatisfy(m -> {
            assertThat(m.getMountPath()).isEqualTo("/etc/mlrollout/tls");
            assertThat(m.getReadOnly()).isTrue();
        });
        assertThat(canary.getSpec().getTemplate().getSpec().getVolumes())
                .filteredOn(v -> v.getSecret() != null).singleElement()
                .satisfies(v -> assertThat(v.getSecret().getSecretName()).isEqualTo("fraud-tls"));
        assertThat(canary.getSpec().getTemplate())
                .isEqualTo(DesiredDeployment.of(md, model, 1, Labels.ROLE_STABLE, DEFAULTS).getSpec().getTemplate());
    }

    @Test
    void withoutServingOptionsThePodTemplateIsWhatItWasBefore() {
        ModelDeployment md = md();
        Container container = DesiredDeployment.of(md, ModelRef.of(md.getSpec().getModel()), 1, Labels.ROLE_STABLE, DEFAULTS)
                .getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getEnv()).extracting(EnvVar::getName)
                .containsExactly("MODEL_NAME", "MODEL_VERSION", "MODEL_URI", "MODEL_SHA256", "QUARKUS_HTTP_PORT", "DRAIN_PERIOD");
        assertThat(container.getReadinessProbe().getHttpGet().getScheme()).as("the API server's default").isNull();
    }
}
