package io.mlrollout.e2e.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.List;

/**
 * A cluster with the mlrollout CRDs installed and the operator running, as the scenarios see it:
 * the control plane built from source with the emulated node here, a k3s one where Docker exists.
 */
public interface Cluster extends AutoCloseable {

    /** "control-plane" or "k3s", for messages. */
    String name();

    KubernetesClient client();

    /** A kubeconfig file for kubectl and other tools. */
    Path kubeconfig();

    /** Where logs and scratch files go. */
    Path workDir();

    OperatorControl operator();

    /** How this JVM reaches a pod's port (directly on the emulated node, through a port-forward on k3s). */
    PodNetwork podNetwork();

    /** One line per pod with what the node knows of it (address, process, restarts), for diagnostics. */
    List<String> describeNode();

    /** Stops the operator and every process the cluster started. */
    @Override
    void close();
}
