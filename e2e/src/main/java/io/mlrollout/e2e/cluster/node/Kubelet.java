package io.mlrollout.e2e.cluster.node;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.mlrollout.e2e.cluster.process.WorkDirs;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kubelet of the one emulated node: runs a sandbox per pod bound to it, writes pod status when
 * it changes, and stops the processes of pods that are gone or being deleted. Stops run on their
 * own threads (they wait out the termination delay), so one slow shutdown never stalls the node.
 * A pod being deleted gracefully is removed for good (grace period 0) once its process has exited,
 * as a kubelet does on a real API server.
 */
final class Kubelet {

    private static final Logger LOG = LoggerFactory.getLogger(Kubelet.class);

    private final KubernetesClient client;
    private final ContainerLauncher launcher;
    private final NodeSettings settings;
    private final Path podsDir;
    private final PodAddresses addresses = new PodAddresses();
    private final Map<String, PodSandbox> sandboxes = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, PodStatus> written = new HashMap<>();
    private final Map<String, CompletableFuture<Void>> stopping = new HashMap<>();
    private final ExecutorService terminator = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "kubelet-terminator");
        thread.setDaemon(true);
        return thread;
    });

    private final String nodeName;

    Kubelet(KubernetesClient client, String nodeName, ContainerLauncher launcher, NodeSettings settings, Path podsDir) {
        this.client = client;
        this.nodeName = nodeName;
        this.launcher = launcher;
        this.settings = settings;
        this.podsDir = podsDir;
    }

    void sync(List<Pod> pods, Instant now) {
        Set<String> present = new HashSet<>();
        stopping.values().removeIf(CompletableFuture::isDone);
        for (Pod pod : pods) {
            if (!nodeName.equals(pod.getSpec().getNodeName())) {
                continue;
            }
            if (pod.getMetadata().getDeletionTimestamp() != null) {
                finishDeletion(pod);
                continue;
            }
            String uid = pod.getMetadata().getUid();
            present.add(uid);
            PodSandbox sandbox = sandboxes.get(uid);
            if (sandbox == null) {
                sandbox = admit(pod, now).orElse(null);
                if (sandbox == null) {
                    continue;
                }
            }
            sandbox.tick(now);
            writeStatus(pod, PodStatuses.of(sandbox));
        }
        for (String uid : new HashSet<>(sandboxes.keySet())) {
            if (!present.contains(uid)) {
                stop(uid, sandboxes.remove(uid), true);
                written.remove(uid);
            }
        }
    }

    /** Removes a pod being deleted once nothing of it runs here; until then its sandbox drains (see sync). */
    private void finishDeletion(Pod pod) {
        String uid = pod.getMetadata().getUid();
        if (sandboxes.containsKey(uid) || stopping.containsKey(uid)) {
            return;
        }
        try {
            client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
                    .withGracePeriod(0).delete();
        } catch (KubernetesClientException e) {
            LOG.debug("pod {} not removed: {}", pod.getMetadata().getName(), e.getMessage());
        }
    }

    /** Pods running now, for diagnostics. */
    List<String> describe() {
        List<String> lines = new ArrayList<>();
        sandboxes.values().forEach(s -> lines.add(s.pod().getMetadata().getNamespace() + "/" + s.pod().getMetadata().getName()
                + " ip=" + s.address().getHostAddress() + " pid=" + s.pid() + " ready=" + s.ready() + " restarts=" + s.restartCount()));
        return lines;
    }

    /** Kills the container of a pod running here; false when no such pod runs here. */
    boolean crash(String namespace, String name) {
        for (PodSandbox sandbox : sandboxes.values()) {
            if (namespace.equals(sandbox.pod().getMetadata().getNamespace()) && name.equals(sandbox.pod().getMetadata().getName())) {
                return sandbox.crash();
            }
        }
        return false;
    }

    Path podDir(String namespace, String name) {
        return podsDir.resolve(namespace).resolve(name);
    }

    /** Stops every process and waits for them: the node goes down. */
    void shutdown() {
        sandboxes.forEach((uid, sandbox) -> stop(uid, sandbox, false));
        sandboxes.clear();
        CompletableFuture.allOf(stopping.values().toArray(CompletableFuture[]::new)).join();
        terminator.shutdown();
    }

    private Optional<PodSandbox> admit(Pod pod, Instant now) {
        ContainerSpec spec = ContainerSpec.of(pod);
        Optional<InetAddress> address = addresses.allocate(spec.port());
        if (address.isEmpty()) {
            LOG.warn("no free loopback address for pod {}: it stays Pending", pod.getMetadata().getName());
            return Optional.empty();
        }
        Path dir = podDir(pod.getMetadata().getNamespace(), pod.getMetadata().getName());
        PodSandbox sandbox = new PodSandbox(pod, address.get(), dir, launcher, settings, now);
        sandboxes.put(pod.getMetadata().getUid(), sandbox);
        return Optional.of(sandbox);
    }

    private void stop(String uid, PodSandbox sandbox, boolean drain) {
        stopping.put(uid, CompletableFuture.runAsync(() -> {
            sandbox.terminate(drain);
            addresses.release(sandbox.address());
            // ONNX Runtime's native libraries are unpacked into each pod's tmp: tens of MB a pod.
            WorkDirs.delete(sandbox.workDir().resolve("tmp"));
        }, terminator));
    }

    private void writeStatus(Pod pod, PodStatus status) {
        String uid = pod.getMetadata().getUid();
        // The API server sets the QoS class when the pod is created, and it may not change.
        if (pod.getStatus() != null) {
            status.setQosClass(pod.getStatus().getQosClass());
        }
        // Unchanged since the last write, and nobody else changed what matters: a real API server
        // normalizes times and adds defaults, so the stored status never equals the written one.
        if (status.equals(written.get(uid)) && PodStatuses.sameEssentials(status, pod.getStatus())) {
            return;
        }
        pod.setStatus(status);
        try {
            client.pods().inNamespace(pod.getMetadata().getNamespace()).resource(pod).updateStatus();
            written.put(uid, status);
        } catch (KubernetesClientException e) {
            // Deleted or changed meanwhile: the next sync sees the pod as it is now.
            LOG.debug("pod status of {} not written: {}", pod.getMetadata().getName(), e.getMessage());
        }
    }
}
