package io.mlrollout.e2e.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mlrollout.e2e.cluster.controlplane.ControlPlane;
import io.mlrollout.e2e.cluster.node.ModelServerLauncher;
import io.mlrollout.e2e.cluster.node.NodeEmulator;
import io.mlrollout.e2e.cluster.node.NodeSettings;
import io.mlrollout.e2e.cluster.process.BuiltApplications;
import io.mlrollout.e2e.cluster.process.Kubectl;
import io.mlrollout.e2e.cluster.process.WorkDirs;
import io.mlrollout.e2e.traffic.ClusterEndpoints;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The emulated node beside the real control plane, without the operator: the controller manager
 * runs Deployments, ReplicaSets and garbage collection; the node registers, binds and runs pods as
 * model-server processes that behave like pods.
 */
class ControlPlaneNodeIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String NS = "node";
    static NodeEmulator node;
    static KubernetesClient client;

    /** Kept after the run (unlike a temporary folder), for the control plane's logs. */
    static final Path WORK_DIR = Path.of("target", "control-plane-node").toAbsolutePath();
    static ControlPlane plane;
    static BuiltApplications apps;

    @BeforeAll
    static void start() {
        apps = BuiltApplications.locate();
        WorkDirs.delete(WORK_DIR);
        plane = ControlPlane.start(apps.repository(), WORK_DIR.resolve("controlplane"));
        client = plane.adminClient();
        client.resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build()).create();
        node = new NodeEmulator(client, new ModelServerLauncher(apps.modelServerJar()), WORK_DIR, NodeSettings.compressed());
        node.start();
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
        if (plane != null) {
            plane.close();
        }
    }

    @Test
    void kubectlTalksToTheKubernetesReleaseBuiltFromSource() throws IOException {
        Kubectl.Result version = Kubectl.run(plane.adminKubeconfig(), "default", "version", "-o", "json");
        assertThat(version.exitCode()).as("%s", version).isZero();
        assertThat(version.stdout()).contains("\"gitVersion\": \"" + pinnedRelease() + "\"");
    }

    @Test
    void theNodeIsRegisteredReady() {
        await("the node to be Ready").atMost(WAIT).until(() -> {
            Node registered = client.nodes().withName(NodeEmulator.NODE_NAME).get();
            return registered != null && registered.getStatus().getConditions().stream()
                    .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
        });
    }

    /**
     * The EndpointSlice controller cannot list pods on loopback addresses (the API server rejects
     * 127.0.0.0/8 in an EndpointSlice), so traffic resolves a Service's selector to its Ready pods
     * itself, as that controller would; the Service itself is real, with a ClusterIP from the range.
     */
    @Test
    void aServiceResolvesToItsReadyPods() {
        client.resource(deployment("served", 2, List.of())).create();
        Service service = client.resource(new ServiceBuilder().withNewMetadata().withName("served").withNamespace(NS).endMetadata()
                .withNewSpec().addToSelector("app", "served").addNewPort().withName("http").withPort(80)
                .withNewTargetPort("http").endPort().endSpec().build()).create();
        assertThat(service.getSpec().getClusterIP()).startsWith("10.96.");
        await("2 Ready pods").atMost(WAIT).until(() -> readyReplicas("served") == 2);
        List<String> podIps = pods("served").stream().map(p -> p.getStatus().getPodIP()).toList();

        try (ClusterEndpoints endpoints = new ClusterEndpoints(client, PodNetwork.LOOPBACK, NS, 200)) {
            await("the Service to resolve to both pods").atMost(WAIT).until(() -> hosts(endpoints).containsAll(podIps));
            assertThat(hosts(endpoints)).containsExactlyInAnyOrderElementsOf(podIps);
        }
        client.apps().deployments().inNamespace(NS).withName("served").delete();
        await("the pods to be removed").atMost(WAIT).until(() -> pods("served").isEmpty());
    }

    private static List<String> hosts(ClusterEndpoints endpoints) {
        return endpoints.endpoints(endpoints.snapshot(), "served", 80).stream().map(b -> b.baseUri().getHost()).toList();
    }

    private static String pinnedRelease() throws IOException {
        String goMod = Files.readString(apps.repository().resolve("e2e/controlplane/go.mod"));
        Matcher release = Pattern.compile("k8s\\.io/kubernetes (v1\\.\\d+\\.\\d+)").matcher(goMod);
        assertThat(release.find()).as("the pinned release in e2e/controlplane/go.mod").isTrue();
        return release.group(1);
    }

    @Test
    void podsServeOnTheirOwnAddressAndGoAwayWithTheirDeployment() {
        client.resource(deployment("server", 2, List.of(new EnvVar("QUARKUS_HTTP_PORT", "8080", null)))).create();
        await("2 Ready pods").atMost(WAIT).until(() -> readyReplicas("server") == 2);
        List<Pod> pods = pods("server");
        assertThat(pods).extracting(p -> p.getStatus().getPodIP()).doesNotHaveDuplicates().allMatch(ip -> ip.startsWith("127.0.0."));
        assertThat(pods).allMatch(p -> "ReplicaSet".equals(p.getMetadata().getOwnerReferences().get(0).getKind())
                && p.getMetadata().getOwnerReferences().get(0).getName().startsWith("server-"));
        assertThat(pods).allMatch(ControlPlaneNodeIT::listening);

        client.apps().deployments().inNamespace(NS).withName("server").scale(1);
        await("one pod left").atMost(WAIT).until(() -> pods("server").size() == 1 && readyReplicas("server") == 1);
        Pod removed = pods.stream().filter(p -> !p.getMetadata().getName().equals(pods("server").get(0).getMetadata().getName()))
                .findFirst().orElseThrow();
        await("the removed pod's process to stop").atMost(WAIT).until(() -> !listening(removed));

        client.apps().deployments().inNamespace(NS).withName("server").delete();
        await("the garbage collector to remove the orphaned pods").atMost(WAIT).until(() -> pods("server").isEmpty());
        await("the processes of its pods to stop").atMost(WAIT).until(() -> pods.stream().noneMatch(ControlPlaneNodeIT::listening));
    }

    @Test
    void aContainerThatExitsIsRestartedWithBackOff() {
        // An unparsable port makes Quarkus exit at start: a crashing container.
        client.resource(deployment("crasher", 1, List.of(new EnvVar("QUARKUS_HTTP_PORT", "not-a-port", null)))).create();

        await("two restarts and a back-off").atMost(WAIT).until(() -> container("crasher").getRestartCount() >= 2
                && container("crasher").getState().getWaiting() != null
                && "CrashLoopBackOff".equals(container("crasher").getState().getWaiting().getReason()));
        ContainerStatus status = container("crasher");
        assertThat(status.getLastState().getTerminated().getExitCode()).isNotZero();
        assertThat(status.getReady()).isFalse();
        assertThat(readyReplicas("crasher")).isZero();
        client.apps().deployments().inNamespace(NS).withName("crasher").delete();
        await("the crashing pod to be collected").atMost(WAIT).until(() -> pods("crasher").isEmpty());
    }

    static Deployment deployment(String name, int replicas, List<EnvVar> extraEnv) {
        return new DeploymentBuilder()
                .withNewMetadata().withName(name).withNamespace(NS).endMetadata()
                .withNewSpec().withReplicas(replicas)
                    .withNewSelector().addToMatchLabels("app", name).endSelector()
                    .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata()
                        .withNewSpec().addNewContainer().withName("model-server").withImage("model-server:test")
                            .addNewPort().withName("http").withContainerPort(8080).endPort()
                            .addNewEnv().withName("MODEL_NAME").withValue("iris").endEnv()
                            .addNewEnv().withName("MODEL_VERSION").withValue("1.0.0").endEnv()
                            .addNewEnv().withName("MODEL_URI").withValue("classpath:models/iris-v1/model.onnx").endEnv()
                            .addAllToEnv(extraEnv)
                            .withNewReadinessProbe().withNewHttpGet().withPath("/v2/health/ready").withPort(new IntOrString("http"))
                                .endHttpGet().withPeriodSeconds(2).withFailureThreshold(3).endReadinessProbe()
                        .endContainer().endSpec()
                    .endTemplate()
                .endSpec().build();
    }

    static int readyReplicas(String name) {
        Deployment deployment = client.apps().deployments().inNamespace(NS).withName(name).get();
        return deployment.getStatus() == null || deployment.getStatus().getReadyReplicas() == null ? 0 : deployment.getStatus().getReadyReplicas();
    }

    static List<Pod> pods(String app) {
        return client.pods().inNamespace(NS).withLabel("app", app).list().getItems();
    }

    private static ContainerStatus container(String app) {
        List<Pod> pods = pods(app);
        if (pods.isEmpty() || pods.get(0).getStatus() == null || pods.get(0).getStatus().getContainerStatuses() == null
                || pods.get(0).getStatus().getContainerStatuses().isEmpty()) {
            return new io.fabric8.kubernetes.api.model.ContainerStatusBuilder().withRestartCount(0).build();
        }
        return pods.get(0).getStatus().getContainerStatuses().get(0);
    }

    static boolean listening(Pod pod) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(pod.getStatus().getPodIP(), 8080), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
