package io.mlrollout.e2e.cluster.node;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * A container's environment as a kubelet builds it: literal values, and the downward-API fields
 * a pod can read about itself. Secrets and ConfigMaps are not resolved; such variables are left out.
 */
public final class ContainerEnv {

    private ContainerEnv() {
    }

    public static Map<String, String> of(Pod pod, Container container, InetAddress podIp) {
        Map<String, String> env = new HashMap<>();
        if (container.getEnv() == null) {
            return env;
        }
        for (EnvVar var : container.getEnv()) {
            if (var.getValue() != null) {
                env.put(var.getName(), var.getValue());
            } else if (var.getValueFrom() != null && var.getValueFrom().getFieldRef() != null) {
                String field = field(pod, var.getValueFrom().getFieldRef().getFieldPath(), podIp);
                if (field != null) {
                    env.put(var.getName(), field);
                }
            }
        }
        return env;
    }

    private static String field(Pod pod, String path, InetAddress podIp) {
        return switch (path) {
            case "metadata.name" -> pod.getMetadata().getName();
            case "metadata.namespace" -> pod.getMetadata().getNamespace();
            case "metadata.uid" -> pod.getMetadata().getUid();
            case "spec.nodeName" -> pod.getSpec().getNodeName();
            case "spec.serviceAccountName" -> pod.getSpec().getServiceAccountName();
            case "status.podIP" -> podIp.getHostAddress();
            default -> null;
        };
    }
}
