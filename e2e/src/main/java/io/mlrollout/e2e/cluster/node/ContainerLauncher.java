package io.mlrollout.e2e.cluster.node;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.mlrollout.e2e.cluster.process.ChildProcess;
import java.net.InetAddress;
import java.nio.file.Path;

/** Runs a pod's container as a local process bound to the pod's address: the container runtime of the emulated node. */
@FunctionalInterface
public interface ContainerLauncher {

    ChildProcess launch(Pod pod, Container container, InetAddress podIp, Path workDir);

    /** The port the container serves on: its first declared port, 8080 when it declares none. */
    static int port(Container container) {
        return ContainerSpec.port(container);
    }
}
