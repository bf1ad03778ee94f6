package io.mlrollout.e2e.k3s;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.mlrollout.e2e.cluster.Cluster;
import io.mlrollout.e2e.cluster.InstalledOperator;
import io.mlrollout.e2e.cluster.OperatorControl;
import io.mlrollout.e2e.cluster.PodNetwork;
import io.mlrollout.e2e.cluster.process.BuiltApplications;
import io.mlrollout.e2e.cluster.process.Kubectl;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A real single-node Kubernetes (k3s in a container) behind the same {@link Cluster} interface:
 * the operator and model-server images are built and imported, the operator is installed with
 * {@code kubectl apply -k manifests/base}, and pods are reached through port-forwards.
 */
public final class K3sCluster implements Cluster {

    static final DockerImageName K3S = DockerImageName.parse("rancher/k3s:v1.31.4-k3s1");
    private static final String HTTPROUTE_CRD = "/cluster/gateway-api-httproute-crd.yaml";

    private final K3sContainer k3s;
    private final KubernetesClient client;
    private final Path kubeconfig;
    private final Path workDir;
    private final InstalledOperator operator;
    private final PortForwards forwards;

    private K3sCluster(K3sContainer k3s, Path kubeconfig, Path workDir) {
        this.k3s = k3s;
        this.kubeconfig = kubeconfig;
        this.workDir = workDir;
        this.client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(k3s.getKubeConfigYaml())).build();
        this.operator = new InstalledOperator(client, 2, (pod, lines) -> client.pods().inNamespace(InstalledOperator.NAMESPACE)
                .withName(pod.getMetadata().getName()).tailingLines(lines).getLog());
        this.forwards = new PortForwards(client);
    }

    public static K3sCluster start(Path workDir, String version) {
        BuiltApplications apps = BuiltApplications.locate();
        K3sContainer k3s = new K3sContainer(K3S);
        k3s.start();
        try {
            Files.createDirectories(workDir);
            Path kubeconfig = Files.writeString(workDir.resolve("kubeconfig"), k3s.getKubeConfigYaml());
            K3sImages.buildAndImport(k3s, apps, version, workDir);
            K3sCluster cluster = new K3sCluster(k3s, kubeconfig, workDir);
            cluster.install(apps);
            return cluster;
        } catch (IOException | RuntimeException e) {
            k3s.stop();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    private void install(BuiltApplications apps) throws IOException {
        try (InputStream httpRoute = K3sCluster.class.getResourceAsStream(HTTPROUTE_CRD)) {
            client.load(httpRoute).create();
        }
        Kubectl.Result applied = Kubectl.run(kubeconfig, "default", "apply", "-k", apps.repository().resolve("manifests/base").toString());
        if (applied.exitCode() != 0) {
            throw new IllegalStateException("installing the operator failed:\n" + applied);
        }
        operator.start();
    }

    @Override
    public String name() {
        return "k3s";
    }

    @Override
    public KubernetesClient client() {
        return client;
    }

    @Override
    public Path kubeconfig() {
        return kubeconfig;
    }

    @Override
    public Path workDir() {
        return workDir;
    }

    @Override
    public OperatorControl operator() {
        return operator;
    }

    @Override
    public PodNetwork podNetwork() {
        return forwards;
    }

    @Override
    public List<String> describeNode() {
        return client.pods().inAnyNamespace().list().getItems().stream().map(K3sCluster::describe).toList();
    }

    @Override
    public void close() {
        forwards.close();
        client.close();
        k3s.stop();
    }

    private static String describe(Pod pod) {
        return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName() + " phase=" + pod.getStatus().getPhase()
                + " ip=" + pod.getStatus().getPodIP() + " restarts=" + (pod.getStatus().getContainerStatuses() == null ? 0
                : pod.getStatus().getContainerStatuses().stream().mapToInt(c -> c.getRestartCount()).sum());
    }
}
