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
 * One node, driven by one loop so that its parts never race each other. Beside the simulated API
 * server it also plays the controllers a cluster runs for the operator's objects (the Deployment
 * controller and the garbage collector); beside a real control plane, whose controller manager
 * does that, it registers itself as a Node, keeps its Lease and binds pods as the scheduler would.
 * In both it is the kubelet. The loop polls the API server; it ends when the node is closed.
 */
public final class NodeEmulator implements AutoCloseable {

    public static final String NODE_NAME = "simulated-node";
    private static final Logger LOG = LoggerFactory.getLogger(NodeEmulator.class);
    private static final int SYNCS_PER_SWEEP = 5;

    private final KubernetesClient client;
    private final NodeSettings settings;
    private final DeploymentController deployments;
    private final GarbageCollector collector;
    private final NodeRegistration registration;
    private final PodBinder binder;
    private final Kubelet kubelet;
    private final Thread loop;
    private volatile boolean running = true;

    private NodeEmulator(KubernetesClient client, ContainerLauncher launcher, Path workDir, NodeSettings settings,
            boolean playsControllers) {
        this.client = client;
        this.settings = settings;
        this.deployments = playsControllers ? new DeploymentController(client, NODE_NAME) : null;
        this.collector = playsControllers ? new GarbageCollector(client) : null;
        this.registration = playsControllers ? null : new NodeRegistration(client, NODE_NAME);
        this.binder = playsControllers ? null : new PodBinder(client, NODE_NAME);
        this.kubelet = new Kubelet(client, NODE_NAME, launcher, settings, workDir.resolve("pods"));
        this.loop = new Thread(this::run, "simulated-node");
        this.loop.setDaemon(true);
    }

    /** The node beside the simulated API server, which has no controllers of its own. */
    public static NodeEmulator withControllers(KubernetesClient client, ContainerLauncher launcher, Path workDir, NodeSettings settings) {
        return new NodeEmulator(client, launcher, workDir, settings, true);
    }

    /** The node of a real control plane: a registered Node, a scheduler for itself, and the kubelet. */
    public static NodeEmulator forControlPlane(KubernetesClient client, ContainerLauncher launcher, Path workDir, NodeSettings settings) {
        return new NodeEmulator(client, launcher, workDir, settings, false);
    }

    /** Where the kubelet keeps a pod's folder, its container log ({@code output.log}) included. */
    public Path podDir(String namespace, String name) {
        return kubelet.podDir(namespace, name);
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
                if (collector != null && ++syncs % SYNCS_PER_SWEEP == 0) {
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
        List<Pod> pods;
        if (deployments != null) {
            List<Deployment> all = client.apps().deployments().inAnyNamespace().list().getItems();
            deployments.sync(all, client.pods().inAnyNamespace().list().getItems(), Instant.now());
            pods = client.pods().inAnyNamespace().list().getItems();
        } else {
            registration.heartbeat(Instant.now());
            pods = client.pods().inAnyNamespace().list().getItems();
            if (binder.bind(pods)) {
                pods = client.pods().inAnyNamespace().list().getItems();
            }
        }
        kubelet.sync(pods, Instant.now());
    }
}
