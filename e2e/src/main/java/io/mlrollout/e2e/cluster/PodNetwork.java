package io.mlrollout.e2e.cluster;

import io.fabric8.kubernetes.api.model.Pod;
import java.net.URI;

/** Reaches pods from the test JVM, as a Service proxy or gateway in the cluster would. */
@FunctionalInterface
public interface PodNetwork {

    /** {@code http://host:port} for the pod's container port; always a loopback address. */
    URI baseUri(Pod pod, int containerPort);
}
