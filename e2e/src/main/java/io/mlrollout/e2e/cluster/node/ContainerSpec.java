package io.mlrollout.e2e.cluster.node;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Probe;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** What the kubelet reads from a pod's (first) container: its port, its probes and how it stops. */
record ContainerSpec(Container container, int port) {

    static ContainerSpec of(Pod pod) {
        Container container = pod.getSpec().getContainers().get(0);
        return new ContainerSpec(container, port(container));
    }

    /** The container's first port; 8080 when it declares none. */
    static int port(Container container) {
        return container.getPorts() == null || container.getPorts().isEmpty() ? 8080 : container.getPorts().get(0).getContainerPort();
    }

    /** Kubernetes' default terminationGracePeriodSeconds. */
    static final Duration DEFAULT_TERMINATION_GRACE = Duration.ofSeconds(30);

    /**
     * The container's preStop sleep, run before SIGTERM as a kubelet does; zero without one (only the
     * sleep action is emulated: the model-server image has no shell for an exec hook).
     */
    Duration preStopSleep() {
        if (container.getLifecycle() == null || container.getLifecycle().getPreStop() == null
                || container.getLifecycle().getPreStop().getSleep() == null) {
            return Duration.ZERO;
        }
        Long seconds = container.getLifecycle().getPreStop().getSleep().getSeconds();
        return Duration.ofSeconds(seconds == null ? 0 : seconds);
    }

    /** SIGKILL follows SIGTERM after this: the pod's terminationGracePeriodSeconds, preStop included. */
    static Duration terminationGrace(Pod pod) {
        Long seconds = pod.getSpec().getTerminationGracePeriodSeconds();
        return seconds == null ? DEFAULT_TERMINATION_GRACE : Duration.ofSeconds(seconds);
    }

    Optional<Probe> readiness() {
        return Optional.ofNullable(container.getReadinessProbe()).filter(p -> p.getHttpGet() != null);
    }

    Optional<Probe> liveness() {
        return Optional.ofNullable(container.getLivenessProbe()).filter(p -> p.getHttpGet() != null);
    }

    URI probeUri(Probe probe, InetAddress address) {
        return URI.create("http://" + address.getHostAddress() + ":" + resolvePort(probe.getHttpGet().getPort())
                + probe.getHttpGet().getPath());
    }

    static Duration period(Probe probe) {
        return Duration.ofSeconds(probe.getPeriodSeconds() == null ? 10 : probe.getPeriodSeconds());
    }

    static Duration initialDelay(Probe probe) {
        return Duration.ofSeconds(probe.getInitialDelaySeconds() == null ? 0 : probe.getInitialDelaySeconds());
    }

    static int failureThreshold(Probe probe) {
        return probe.getFailureThreshold() == null ? 3 : probe.getFailureThreshold();
    }

    /** A probe port is a number or the name of a container port. */
    private int resolvePort(IntOrString port) {
        if (port == null) {
            return this.port;
        }
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return container.getPorts().stream().filter(p -> port.getStrVal().equals(p.getName()))
                .map(ContainerPort::getContainerPort).findFirst().orElse(this.port);
    }
}
