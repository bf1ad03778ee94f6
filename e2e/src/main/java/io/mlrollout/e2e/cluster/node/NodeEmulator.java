package io.mlrollout.e2e.cluster.node;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one node of the cluster: registers itself as a Node and keeps its Lease, binds pods as the
 * scheduler would (there is no other node), and is their kubelet, driven by one loop so that these
 * parts never race each other. The loop polls the API server; it ends when the node is closed.
 */
public final class NodeEmulator implements AutoCloseable {

    public static final String NODE_NAME = "emulated-node";
    private static final Logger LOG = LoggerFactory.getLogger(NodeEmulator.class);

    private final KubernetesClient client;
    private final NodeSettings settings;
    private final NodeRegistration registration;
    private final PodBinder binder;
    private final Kubelet kubelet;
    private final Thread loop;
    private volatile boolean running = true;

    public NodeEmulator(KubernetesClient client, ContainerLauncher launcher, Path workDir, NodeSettings settings) {
        this.client = client;
        this.settings = settings;
        this.registration = new NodeRegistration(client, NODE_NAME);
        this.binder = new PodBinder(client, NODE_NAME);
        this.kubelet = new Kubelet(client, NODE_NAME, launcher, settings, workDir.resolve("pods"));
        this.loop = new Thread(this::run, "node-emulator");
        this.loop.setDaemon(true);
    }

    /** Where the kubelet keeps a pod's folder, its container log ({@code output.log}) included. */
    public Path podDir(String namespace, String name) {
        return kubelet.podDir(namespace, name);
    }

    /** SIGKILLs the container of a pod on this node, which the kubelet then restarts; false when no process of the pod was running here. */
    public boolean crashContainer(String namespace, String name) {
        return kubelet.crash(namespace, name);
    }

    public void start() {
        loop.start();
    }

    /** The pods with running sandboxes, one line each, for diagnostics. */
    public List<String> describePods() {
        return kubelet.describe();
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
        while (running) {
            try {
                syncOnce();
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
        registration.heartbeat(Instant.now());
        List<Pod> pods = client.pods().inAnyNamespace().list().getItems();
        if (binder.bind(pods)) {
            pods = client.pods().inAnyNamespace().list().getItems();
        }
        kubelet.sync(pods, Instant.now());
    }
}
