package io.mlrollout.operator.resources;

import io.mlrollout.api.v1alpha1.VersionNames;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.mlrollout.api.v1alpha1.ModelDeployment;
import io.mlrollout.api.v1alpha1.ModelRef;
import io.mlrollout.api.v1alpha1.ServingSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Deployment of one model version. The role (stable or canary) is a label of the Deployment
 * only, not of its pod template: promotion relabels the Deployment and leaves its pods running.
 */
public final class DesiredDeployment {

    /**
     * How long a model server keeps serving after SIGTERM while it reports not-ready, so that
     * endpoints stop sending it requests before it stops (the model server's DRAIN_PERIOD).
     */
    static final Duration DRAIN_PERIOD = Duration.ofSeconds(5);

    /** The drain, then up to 10 s for requests in flight, with room to spare before SIGKILL. */
    static final long TERMINATION_GRACE_SECONDS = DRAIN_PERIOD.toSeconds() + 10 + 15;

    private DesiredDeployment() {
    }

    public static Deployment of(ModelDeployment md, ModelRef model, int replicas, String role, ModelServerDefaults defaults) {
        String name = VersionNames.objectName(md.getMetadata().getName(), model);
        Map<String, String> podLabels = podLabels(md, model);
        Deployment deployment = new DeploymentBuilder()
                .withNewMetadata()
                    .withName(name)
                    .withNamespace(md.getMetadata().getNamespace())
                    .withLabels(Owner.labels(md, model, role))
                    .addToAnnotations(Labels.MODEL_VERSION_ANNOTATION, model.getVersion())
                    .withOwnerReferences(Owner.reference(md))
                .endMetadata()
                .withNewSpec()
                    .withReplicas(replicas)
                    .withNewSelector().withMatchLabels(podLabels).endSelector()
                    .withNewTemplate()
                        .withNewMetadata().withLabels(podLabels).endMetadata()
                        .withSpec(podSpec(md, model, defaults))
                    .endTemplate()
                .endSpec()
                .build();
        deployment.getMetadata().getAnnotations().put(Labels.SPEC_HASH_ANNOTATION, SpecHash.of(deployment.getSpec().getTemplate()));
        return deployment;
    }

    static Map<String, String> podLabels(ModelDeployment md, ModelRef model) {
        return Map.of(Labels.MODEL_DEPLOYMENT, md.getMetadata().getName(), Labels.VERSION, VersionNames.slug(model),
                Labels.NAME, Labels.MODEL_SERVER);
    }

    private static PodSpec podSpec(ModelDeployment md, ModelRef model, ModelServerDefaults defaults) {
        ServingOptions options = new ServingOptions(md.getSpec().getServing());
        PodSpec spec = new PodSpecBuilder()
                .withNewSecurityContext()
                    .withRunAsNonRoot(true)
                    .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                .endSecurityContext()
                .withTerminationGracePeriodSeconds(TERMINATION_GRACE_SECONDS)
                .withContainers(container(md, model, defaults, options))
                .addNewVolume().withName("tmp").withNewEmptyDir().endEmptyDir().endVolume()
                .build();
        options.volume().ifPresent(spec.getVolumes()::add);
        return spec;
    }

    private static Container container(ModelDeployment md, ModelRef model, ModelServerDefaults defaults, ServingOptions options) {
        ServingSpec serving = md.getSpec().getServing() == null ? new ServingSpec() : md.getSpec().getServing();
        int port = serving.getPort() == null ? defaults.port() : serving.getPort();
        Container container = new ContainerBuilder()
                .withName("model-server")
                .withImage(serving.getImage() == null ? defaults.image() : serving.getImage())
                .addNewPort().withName("http").withContainerPort(port).withProtocol("TCP").endPort()
                .withEnv(env(md, model, port))
                .addAllToEnv(options.env())
                .withReadinessProbe(probe("/v2/health/ready", 2, 3, options.probeScheme()))
                .withLivenessProbe(probe("/v2/health/live", 10, 6, options.probeScheme()))
                .withResources(serving.getResources() == null ? defaults.resources() : serving.getResources())
                .withNewSecurityContext()
                    .withAllowPrivilegeEscalation(false)
                    .withReadOnlyRootFilesystem(true)
                    .withRunAsNonRoot(true)
                    .withNewCapabilities().withDrop("ALL").endCapabilities()
                .endSecurityContext()
                .addNewVolumeMount().withName("tmp").withMountPath("/tmp").endVolumeMount()
                .build();
        options.volumeMount().ifPresent(container.getVolumeMounts()::add);
        return container;
    }

    private static List<EnvVar> env(ModelDeployment md, ModelRef model, int port) {
        List<EnvVar> env = new ArrayList<>();
        env.add(new EnvVar("MODEL_NAME", md.getSpec().getModel().getName(), null));
        env.add(new EnvVar("MODEL_VERSION", model.getVersion(), null));
        env.add(new EnvVar("MODEL_URI", model.getUri(), null));
        if (model.getSha256() != null) {
            env.add(new EnvVar("MODEL_SHA256", model.getSha256(), null));
        }
        env.add(new EnvVar("QUARKUS_HTTP_PORT", Integer.toString(port), null));
        env.add(new EnvVar("DRAIN_PERIOD", DRAIN_PERIOD.toSeconds() + "s", null));
        return env;
    }

    private static Probe probe(String path, int periodSeconds, int failureThreshold, String scheme) {
        return new ProbeBuilder()
                .withNewHttpGet().withPath(path).withPort(new IntOrString("http")).withScheme(scheme).endHttpGet()
                .withPeriodSeconds(periodSeconds)
                .withFailureThreshold(failureThreshold)
                .build();
    }
}
