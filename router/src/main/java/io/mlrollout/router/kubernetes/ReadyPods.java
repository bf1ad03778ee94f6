package io.mlrollout.router.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.mlrollout.api.v1alpha1.VersionLabels;
import io.mlrollout.router.routing.Endpoint;
import io.mlrollout.router.routing.ReadyPod;
import java.util.Optional;

/**
 * Which pods can take requests, read the way an EndpointSlice controller would: the {@code Ready}
 * condition True, no deletion under way (a terminating pod drains; new requests must not reach it), an
 * IP, a version label, and a container port named {@code http}. Pure: a pod object in, an endpoint out.
 */
public final class ReadyPods {

    static final String PORT_NAME = "http";

    private ReadyPods() {
    }

    public static Optional<ReadyPod> of(Pod pod) {
        String version = pod.getMetadata() == null || pod.getMetadata().getLabels() == null
                ? null : pod.getMetadata().getLabels().get(VersionLabels.VERSION);
        if (version == null || pod.getMetadata().getDeletionTimestamp() != null || !ready(pod)) {
            return Optional.empty();
        }
        String ip = pod.getStatus().getPodIP();
        if (ip == null || ip.isBlank()) {
            return Optional.empty();
        }
        return httpPort(pod).map(port -> new ReadyPod(version, new Endpoint(ip, port)));
    }

    private static boolean ready(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
            return false;
        }
        for (PodCondition condition : pod.getStatus().getConditions()) {
            if ("Ready".equals(condition.getType())) {
                return "True".equals(condition.getStatus());
            }
        }
        return false;
    }

    private static Optional<Integer> httpPort(Pod pod) {
        if (pod.getSpec() == null || pod.getSpec().getContainers() == null) {
            return Optional.empty();
        }
        for (Container container : pod.getSpec().getContainers()) {
            if (container.getPorts() == null) {
                continue;
            }
            for (ContainerPort port : container.getPorts()) {
                if (PORT_NAME.equals(port.getName()) && port.getContainerPort() != null) {
                    return Optional.of(port.getContainerPort());
                }
            }
        }
        return Optional.empty();
    }
}
