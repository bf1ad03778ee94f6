package io.mlrollout.e2e.cluster.node;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.mlrollout.e2e.cluster.process.ChildProcess;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Map;

/**
 * A container runs the built model-server application, whatever image it names: the image is what
 * the operator would run in a real cluster. The container's env is passed as a kubelet resolves it
 * (see {@link ContainerEnv}), and the server binds the pod's own address.
 */
public final class ModelServerLauncher implements ContainerLauncher {

    private final Path modelServerJar;

    public ModelServerLauncher(Path modelServerJar) {
        this.modelServerJar = modelServerJar;
    }

    @Override
    public ChildProcess launch(Pod pod, Container container, InetAddress podIp, Path workDir) {
        Map<String, String> env = ContainerEnv.of(pod, container, podIp);
        env.put("QUARKUS_HTTP_HOST", podIp.getHostAddress());
        env.put("POD_NAME", pod.getMetadata().getName());
        env.put("POD_NAMESPACE", pod.getMetadata().getNamespace());
        // Never let DJL phone home from a test; the model server also sets this itself.
        env.put("DJL_OFFLINE", "true");
        env.put("OPT_OUT_TRACKING", "true");
        env.putIfAbsent("INFERENCE_WORKERS", "2");
        return ChildProcess.startJar(modelServerJar, "160m", env, workDir);
    }
}
