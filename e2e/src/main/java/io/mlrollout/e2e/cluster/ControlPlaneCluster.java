package io.mlrollout.e2e.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.mlrollout.e2e.cluster.controlplane.ApiFaultProxy;
import io.mlrollout.e2e.cluster.controlplane.ControlPlane;
import io.mlrollout.e2e.cluster.controlplane.OperatorPodLauncher;
import io.mlrollout.e2e.cluster.node.ContainerLauncher;
import io.mlrollout.e2e.cluster.node.ContainerLaunchers;
import io.mlrollout.e2e.cluster.node.ModelServerLauncher;
import io.mlrollout.e2e.cluster.node.NodeEmulator;
import io.mlrollout.e2e.cluster.node.NodeSettings;
import io.mlrollout.e2e.cluster.process.BuiltApplications;
import io.mlrollout.e2e.cluster.process.Kubectl;
import io.mlrollout.e2e.cluster.process.LogFiles;
import io.mlrollout.e2e.cluster.process.WorkDirs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cluster on a real Kubernetes control plane (etcd, kube-apiserver, kube-controller-manager,
 * built from source) with one emulated node that runs every pod as a local process on its own
 * loopback address. The operator is installed as users install it, {@code kubectl apply
 * --server-side -k} of manifests/base (through a small overlay: one replica and the run's analysis
 * interval), and runs as a pod of that node with its service account's token.
 */
public final class ControlPlaneCluster implements Cluster {

    private static final Logger LOG = LoggerFactory.getLogger(ControlPlaneCluster.class);
    private static final String HTTPROUTE_CRD = "/cluster/gateway-api-httproute-crd.yaml";

    private final Path workDir;
    private final ControlPlane plane;
    private final NodeEmulator node;
    private final InstalledOperator operator;

    private ControlPlaneCluster(Path workDir, ControlPlane plane, NodeEmulator node) {
        this.workDir = workDir;
        this.plane = plane;
        this.node = node;
        this.operator = new InstalledOperator(plane.adminClient(), 1, (pod, lines) -> LogFiles.tail(
                node.podDir(pod.getMetadata().getNamespace(), pod.getMetadata().getName()).resolve("output.log"), lines));
    }

    /**
     * Starts everything and returns once the operator is ready.
     *
     * @param analysisInterval the operator's default analysis interval (policies can set their own)
     */
    public static ControlPlaneCluster start(Path workDir, Duration analysisInterval) {
        BuiltApplications apps = BuiltApplications.locate();
        Path operatorJar = apps.operatorJar();
        Path modelServerJar = apps.modelServerJar();
        WorkDirs.delete(workDir);
        createDirectories(workDir);
        ControlPlane plane = ControlPlane.start(apps.repository(), workDir.resolve("controlplane"));
        ControlPlaneCluster cluster = null;
        try {
            ContainerLauncher runtime = ContainerLaunchers.byImage(
                    Map.of(InstalledOperator.NAME, new OperatorPodLauncher(operatorJar, plane)), new ModelServerLauncher(modelServerJar));
            NodeEmulator node = new NodeEmulator(plane.adminClient(), runtime, workDir, NodeSettings.compressed());
            cluster = new ControlPlaneCluster(workDir, plane, node);
            node.start();
            long start = System.nanoTime();
            cluster.install(apps, analysisInterval);
            LOG.info("operator installed from manifests/base and ready in {} ms", (System.nanoTime() - start) / 1_000_000);
            return cluster;
        } catch (RuntimeException e) {
            if (cluster != null) {
                cluster.close();
            } else {
                plane.close();
            }
            throw e;
        }
    }

    @Override
    public String name() {
        return "control-plane";
    }

    @Override
    public KubernetesClient client() {
        return plane.adminClient();
    }

    @Override
    public Path kubeconfig() {
        return plane.adminKubeconfig();
    }

    @Override
    public Path workDir() {
        return workDir;
    }

    @Override
    public OperatorControl operator() {
        return operator;
    }

    @Override
    public PodNetwork podNetwork() {
        return PodNetwork.LOOPBACK;
    }

    /** The proxy between the operator and the API server, where scenarios make writes fail or crash the operator. */
    public ApiFaultProxy apiFaults() {
        return plane.faults();
    }

    /**
     * SIGKILLs the operator's containers, as a crash or an OOM kill would; their pods restart them
     * after a back-off. @return whether an operator process was running
     */
    public boolean crashOperator() {
        boolean killed = false;
        for (var pod : plane.adminClient().pods().inNamespace(InstalledOperator.NAMESPACE)
                .withLabel("app.kubernetes.io/name", InstalledOperator.NAME).list().getItems()) {
            killed |= node.crashContainer(pod.getMetadata().getNamespace(), pod.getMetadata().getName());
        }
        return killed;
    }

    @Override
    public List<String> describeNode() {
        return node.describePods();
    }

    @Override
    public void close() {
        node.close();
        plane.close();
    }

    private void install(BuiltApplications apps, Duration analysisInterval) {
        try (InputStream httpRoute = ControlPlaneCluster.class.getResourceAsStream(HTTPROUTE_CRD)) {
            plane.adminClient().load(httpRoute).serverSideApply();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path overlay = InstallOverlay.write(workDir.resolve("install"), apps.repository().resolve("manifests"), analysisInterval);
        Kubectl.Result applied = Kubectl.run(plane.adminKubeconfig(), InstalledOperator.NAMESPACE, "apply", "--server-side", "-k", overlay.toString());
        if (applied.exitCode() != 0) {
            throw new IllegalStateException("installing the operator failed:\n" + applied);
        }
        operator.start();
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
