package io.mlrollout.e2e.cluster.node;

import java.util.Map;

/** The node's container runtime: picks the built application to run from the image a container names. */
public final class ContainerLaunchers {

    private ContainerLaunchers() {
    }

    /**
     * @param byImageName launchers by image repository name (the part after the last '/', before the tag), e.g. "mlrollout-operator"
     * @param otherwise for every other image
     */
    public static ContainerLauncher byImage(Map<String, ContainerLauncher> byImageName, ContainerLauncher otherwise) {
        Map<String, ContainerLauncher> launchers = Map.copyOf(byImageName);
        return (pod, container, podIp, workDir) -> launchers.getOrDefault(repositoryName(container.getImage()), otherwise)
                .launch(pod, container, podIp, workDir);
    }

    static String repositoryName(String image) {
        if (image == null) {
            return "";
        }
        String name = image.substring(image.lastIndexOf('/') + 1);
        int digest = name.indexOf('@');
        name = digest >= 0 ? name.substring(0, digest) : name;
        int tag = name.indexOf(':');
        return tag >= 0 ? name.substring(0, tag) : name;
    }
}
