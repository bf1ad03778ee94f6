package io.mlrollout.e2e.cluster.node;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node with the controllers a cluster runs for the operator's objects: the Deployment
 * controller, the kubelet and the garbage collector, driven by one loop so that they never race
 * each other. The loop polls the API server; it ends when the node is closed.
 */
public final class NodeEmulator implements AutoCloseable {

    public static final String NODE_NAME = "simulated-node";
    private static final Logger LOG = LoggerFactory.getLogger(NodeEmulator.class);
    private static final int SYNCS_PER_SWEEP = 5;

    private final KubernetesClient client;
    private final NodeSettings settings;
    private final DeploymentController deployments;
    private final Kubelet kubelet;
    private final GarbageCollector collector;
    private final Thread loop;
    private volatile boolean running = true;

    public NodeEmulator(KubernetesClient client, ContainerLauncher launcher, Path workDir, NodeSettings settings) {
        this.client = client;
        this.settings = settings;
        this.deployments = new DeploymentController(client, NODE_NAME);
        this.kubelet = new Kubelet(client, launcher, settings, workDir.resolve("pods"));
        this.collector = new GarbageCollector(client);
        this.loop = new Thread(this::run, "simulated-node");
        this.loop.setDaemon(true);
    }

    public void start() {
        loop.start();
    }

    /** The pods with running sandboxes, one line each, for diagnostics. */
    public List<String> describePods() {
        return kubelet.describe();
    }

    public int sandboxCount() {
        return kubelet.runningSandboxes();
    }

    @Override
    public void close() {
        running = false;
        loop.interrupt();
        try {
            loop.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        kubelet.shutdown();
    }

    private void run() {
        long syncs = 0;
        while (running) {
            try {
                syncOnce();
                if (++syncs % SYNCS_PER_SWEEP == 0) {
                    collector.sweep();
                }
            } catch (RuntimeException e) {
                // One bad object or a failed call must not stop the node; it is retried next round.
                LOG.warn("node sync failed: {}", e.toString());
            }
            try {
                Thread.sleep(settings.syncPeriod().toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void syncOnce() {
        List<Deployment> all = client.apps().deployments().inAnyNamespace().list().getItems();
        deployments.sync(all, client.pods().inAnyNamespace().list().getItems(), Instant.now());
        List<Pod> pods = client.pods().inAnyNamespace().list().getItems();
        kubelet.sync(pods, Instant.now());
    }
}
