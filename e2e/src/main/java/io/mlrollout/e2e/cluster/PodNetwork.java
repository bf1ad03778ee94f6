package io.mlrollout.e2e.cluster;

import io.fabric8.kubernetes.api.model.Pod;
import java.net.URI;

/** Reaches pods from the test JVM, as a Service proxy or gateway in the cluster would. */
@FunctionalInterface
public interface PodNetwork {

    /** Pods on this machine's loopback addresses (the emulated node): the pod's own IP and port. */
    PodNetwork LOOPBACK = (pod, port) -> URI.create("http://" + pod.getStatus().getPodIP() + ":" + port);

    /** {@code http://host:port} for the pod's container port; always a loopback address. */
    URI baseUri(Pod pod, int containerPort);
}
