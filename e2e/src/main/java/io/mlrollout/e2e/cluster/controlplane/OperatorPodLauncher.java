package io.mlrollout.e2e.cluster.controlplane;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.mlrollout.e2e.cluster.node.ContainerEnv;
import io.mlrollout.e2e.cluster.node.ContainerLauncher;
import io.mlrollout.e2e.cluster.process.ChildProcess;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs the operator's container (the image of manifests/base) as the built operator application,
 * with the identity a real pod gets: a token of the pod's service account, bound to the pod, so
 * the API server authorizes every call against the shipped RBAC. The token reaches the operator
 * in a kubeconfig because its Kubernetes client takes the server URL from configuration, not
 * from the in-cluster environment variables.
 */
public final class OperatorPodLauncher implements ContainerLauncher {

    private static final long TOKEN_SECONDS = 6 * 3600L;

    private final Path operatorJar;
    private final ControlPlane plane;

    public OperatorPodLauncher(Path operatorJar, ControlPlane plane) {
        this.operatorJar = operatorJar;
        this.plane = plane;
    }

    @Override
    public ChildProcess launch(Pod pod, Container container, InetAddress podIp, Path workDir) {
        Map<String, String> env = ContainerEnv.of(pod, container, podIp);
        Path kubeconfig = plane.podKubeconfig(workDir.resolve("serviceaccount").resolve("kubeconfig"), token(pod));
        env.put("KUBECONFIG", kubeconfig.toString());
        env.put("QUARKUS_HTTP_HOST", podIp.getHostAddress());
        env.put("QUARKUS_HTTP_PORT", Integer.toString(ContainerLauncher.port(container)));
        return ChildProcess.startJar(operatorJar, "256m", env, workDir);
    }

    private String token(Pod pod) {
        String account = pod.getSpec().getServiceAccountName() == null ? "default" : pod.getSpec().getServiceAccountName();
        TokenRequest request = new TokenRequestBuilder().withNewSpec().withExpirationSeconds(TOKEN_SECONDS)
                .withNewBoundObjectRef().withApiVersion("v1").withKind("Pod").withName(pod.getMetadata().getName())
                .withUid(pod.getMetadata().getUid()).endBoundObjectRef().endSpec().build();
        return plane.adminClient().serviceAccounts().inNamespace(pod.getMetadata().getNamespace()).withName(account)
                .tokenRequest(request).getStatus().getToken();
    }
}
