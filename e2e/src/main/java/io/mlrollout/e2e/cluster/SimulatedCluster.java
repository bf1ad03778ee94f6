package io.mlrollout.e2e.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.mlrollout.e2e.cluster.api.SimulatedApiServer;
import io.mlrollout.e2e.cluster.node.ModelServerLauncher;
import io.mlrollout.e2e.cluster.node.NodeEmulator;
import io.mlrollout.e2e.cluster.node.NodeSettings;
import io.mlrollout.e2e.cluster.process.BuiltApplications;
import io.mlrollout.e2e.cluster.process.OperatorProcess;
import io.mlrollout.e2e.cluster.process.WorkDirs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole simulated cluster: the API server, one node (Deployment controller, kubelet, garbage
 * collector) that runs every pod as a real model-server process on its own loopback address, and
 * the real operator application. Pod IPs are reachable from this JVM as they are inside a cluster.
 */
public final class SimulatedCluster implements Cluster {

    private final Path workDir;
    private final SimulatedApiServer api;
    private final NodeEmulator node;
    private final OperatorProcess operator;

    private SimulatedCluster(Path workDir, SimulatedApiServer api, NodeEmulator node, OperatorProcess operator) {
        this.workDir = workDir;
        this.api = api;
        this.node = node;
        this.operator = operator;
    }

    /**
     * Starts everything and returns once the operator is ready.
     *
     * @param analysisInterval the operator's default analysis interval (policies can set their own)
     */
    public static SimulatedCluster start(Path workDir, Duration analysisInterval) {
        BuiltApplications apps = BuiltApplications.locate();
        Path operatorJar = apps.operatorJar();
        Path modelServerJar = apps.modelServerJar();
        // Logs and pod folders of an earlier run would only confuse whoever reads this run's.
        WorkDirs.delete(workDir);
        createDirectories(workDir);
        SimulatedApiServer api = SimulatedApiServer.start(apps.crds(), workDir);
        NodeEmulator node = NodeEmulator.withControllers(api.client(), new ModelServerLauncher(modelServerJar), workDir, NodeSettings.compressed());
        Map<String, String> settings = new HashMap<>();
        settings.put("MLROLLOUT_DEFAULT_ANALYSIS_INTERVAL", analysisInterval.toMillis() + "ms");
        OperatorProcess operator = new OperatorProcess(operatorJar, api.kubeconfig(), workDir.resolve("operator"), settings);
        SimulatedCluster cluster = new SimulatedCluster(workDir, api, node, operator);
        try {
            node.start();
            operator.start();
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return "simulated";
    }

    @Override
    public KubernetesClient client() {
        return api.client();
    }

    @Override
    public Path kubeconfig() {
        return api.kubeconfig();
    }

    @Override
    public Path workDir() {
        return workDir;
    }

    @Override
    public OperatorControl operator() {
        return operator;
    }

    /** Pod IPs are loopback addresses of this machine: the pod's own address and port. */
    @Override
    public PodNetwork podNetwork() {
        return (pod, port) -> URI.create("http://" + pod.getStatus().getPodIP() + ":" + port);
    }

    @Override
    public List<String> describeNode() {
        return node.describePods();
    }

    @Override
    public void close() {
        operator.close();
        node.close();
        api.close();
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
