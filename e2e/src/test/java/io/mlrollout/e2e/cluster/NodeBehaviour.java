package io.mlrollout.e2e.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mlrollout.e2e.cluster.node.NodeEmulator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the emulated node does for pods, whichever API server it works with (no operator):
 * Deployments become model-server processes that behave like pods. Each subclass starts an API
 * server and the node in its {@code @BeforeAll}.
 */
abstract class NodeBehaviour {

    static final Duration WAIT = Duration.ofSeconds(90);
    static final String NS = "node";
    static NodeEmulator node;
    static KubernetesClient client;

    @Test
    void podsServeOnTheirOwnAddressAndGoAwayWithTheirDeployment() {
        client.resource(deployment("server", 2, List.of(new EnvVar("QUARKUS_HTTP_PORT", "8080", null)))).create();
        await("2 Ready pods").atMost(WAIT).until(() -> readyReplicas("server") == 2);
        List<Pod> pods = pods("server");
        assertThat(pods).extracting(p -> p.getStatus().getPodIP()).doesNotHaveDuplicates().allMatch(ip -> ip.startsWith("127.0.0."));
        // Owned by the Deployment, or by its ReplicaSet where a real controller manager runs.
        assertThat(pods).allMatch(p -> p.getMetadata().getOwnerReferences().get(0).getName().matches("server(-[a-z0-9]+)?"));
        assertThat(pods).allMatch(NodeBehaviour::listening);

        client.apps().deployments().inNamespace(NS).withName("server").scale(1);
        await("one pod left").atMost(WAIT).until(() -> pods("server").size() == 1 && readyReplicas("server") == 1);
        Pod removed = pods.stream().filter(p -> !p.getMetadata().getName().equals(pods("server").get(0).getMetadata().getName()))
                .findFirst().orElseThrow();
        await("the removed pod's process to stop").atMost(WAIT).until(() -> !listening(removed));

        client.apps().deployments().inNamespace(NS).withName("server").delete();
        await("the garbage collector to remove the orphaned pods").atMost(WAIT).until(() -> pods("server").isEmpty());
        await("every process of the node to stop").atMost(WAIT).until(() -> node.sandboxCount() == 0 && pods.stream().noneMatch(NodeBehaviour::listening));
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
