package io.mlrollout.e2e.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.mlrollout.e2e.cluster.controlplane.ControlPlane;
import io.mlrollout.e2e.cluster.node.ModelServerLauncher;
import io.mlrollout.e2e.cluster.node.NodeEmulator;
import io.mlrollout.e2e.cluster.node.NodeSettings;
import io.mlrollout.e2e.cluster.process.BuiltApplications;
import io.mlrollout.e2e.cluster.process.Kubectl;
import io.mlrollout.e2e.cluster.process.WorkDirs;
import io.mlrollout.e2e.traffic.ClusterEndpoints;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The emulated node beside the real control plane: the controller manager runs Deployments,
 * ReplicaSets, EndpointSlices and garbage collection; the node registers, binds and runs pods.
 */
class ControlPlaneNodeIT extends NodeBehaviour {

    /** Kept after the run (unlike a temporary folder), for the control plane's logs. */
    static final Path WORK_DIR = Path.of("target", "control-plane-node").toAbsolutePath();
    static ControlPlane plane;
    static BuiltApplications apps;
    static final PodNetwork CLUSTER_NETWORK = (pod, port) -> URI.create("http://" + pod.getStatus().getPodIP() + ":" + port);

    @BeforeAll
    static void start() {
        apps = BuiltApplications.locate();
        WorkDirs.delete(WORK_DIR);
        plane = ControlPlane.start(apps.repository(), WORK_DIR.resolve("controlplane"));
        client = plane.adminClient();
        client.resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build()).create();
        node = NodeEmulator.forControlPlane(client, new ModelServerLauncher(apps.modelServerJar()), WORK_DIR, NodeSettings.compressed());
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

        try (ClusterEndpoints endpoints = new ClusterEndpoints(client, CLUSTER_NETWORK, NS, 200)) {
            await("the Service to resolve to both pods").atMost(WAIT).until(() -> hosts(endpoints).containsAll(podIps));
            assertThat(hosts(endpoints)).containsExactlyInAnyOrderElementsOf(podIps);
        }
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
}
