package io.mlrollout.e2e.cluster.controlplane;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.mlrollout.e2e.cluster.process.ChildProcess;
import io.mlrollout.e2e.cluster.process.FreePorts;
import io.mlrollout.e2e.cluster.process.LogFiles;
import io.mlrollout.e2e.cluster.process.Waits;
import io.mlrollout.e2e.cluster.process.WorkDirs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kubernetes control plane on loopback, built from source (see e2e/controlplane): etcd,
 * kube-apiserver (RBAC; certificates and service-account keys made for this run) and
 * kube-controller-manager (Deployments, ReplicaSets, garbage collection, namespaces, service
 * accounts, node lifecycle; not the Endpoints and EndpointSlice controllers, see below). No
 * scheduler and no kubelet: the node emulator binds pods and runs them. Each program logs to its
 * own folder under the run's.
 */
public final class ControlPlane implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ControlPlane.class);
    /** The Service IP range; the first address is the API server's own Service. */
    static final String SERVICE_RANGE = "10.96.0.0/16";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final Path dir;
    private final Path etcdData;
    private final List<ChildProcess> processes = new ArrayList<>();
    private Path adminKubeconfig;
    private KubernetesClient admin;
    private String serverUrl;
    private Pki pki;
    private ApiFaultProxy proxy;

    private ControlPlane(Path dir, Path etcdData) {
        this.dir = dir;
        this.etcdData = etcdData;
    }

    /** Builds the binaries if needed (see e2e/controlplane/build), starts everything and returns once it serves. */
    public static ControlPlane start(Path repository, Path dir) {
        Path binaries = ControlPlaneBuild.binaries(repository);
        ControlPlane plane = new ControlPlane(dir, EtcdDataDir.create());
        try {
            long start = System.nanoTime();
            plane.startAll(binaries);
            LOG.info("control plane {} ready in {} ms at {} (logs in {})", plane.admin.getKubernetesVersion().getGitVersion(),
                    (System.nanoTime() - start) / 1_000_000, plane.serverUrl, dir);
            return plane;
        } catch (RuntimeException e) {
            plane.close();
            throw e;
        }
    }

    /** A kubeconfig of a cluster administrator (group system:masters). */
    public Path adminKubeconfig() {
        return adminKubeconfig;
    }

    public KubernetesClient adminClient() {
        return admin;
    }

    /**
     * A pod's kubeconfig: its service-account token, and the API server as pods reach it, through
     * the {@link #faults() fault proxy}.
     */
    public Path podKubeconfig(Path file, String token) {
        return Kubeconfigs.withToken(file, proxy.url().toString(), pki.caCertificate(), token);
    }

    /** The proxy between pods and the API server, where scenarios inject API failures and crashes. */
    public ApiFaultProxy faults() {
        return proxy;
    }

    @Override
    public void close() {
        if (proxy != null) {
            proxy.close();
        }
        if (admin != null) {
            admin.close();
        }
        // Reverse order: the controller manager, then the API server, then etcd.
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).stop(STOP_GRACE);
        }
        WorkDirs.delete(etcdData);
    }

    private void startAll(Path binaries) {
        pki = Pki.create(dir.resolve("pki"));
        int etcdPort = FreePorts.onLoopback();
        int etcdPeerPort = FreePorts.onLoopback();
        int apiPort = FreePorts.onLoopback();
        serverUrl = "https://127.0.0.1:" + apiPort;

        ChildProcess etcd = launch("etcd", List.of(binaries.resolve("etcd").toString(), "--name", "e2e", "--unsafe-no-fsync",
                "--data-dir", etcdData.toString(),
                "--listen-client-urls", "http://127.0.0.1:" + etcdPort, "--advertise-client-urls", "http://127.0.0.1:" + etcdPort,
                "--listen-peer-urls", "http://127.0.0.1:" + etcdPeerPort,
                "--initial-advertise-peer-urls", "http://127.0.0.1:" + etcdPeerPort,
                "--initial-cluster", "e2e=http://127.0.0.1:" + etcdPeerPort, "--snapshot-count", "20000"));

        Pki.KeyPair serving = pki.server("apiserver", List.of("127.0.0.1", "10.96.0.1"),
                List.of("localhost", "kubernetes", "kubernetes.default", "kubernetes.default.svc", "kubernetes.default.svc.cluster.local"));
        ChildProcess apiserver = launch("kube-apiserver", List.of(binaries.resolve("kube-apiserver").toString(),
                "--etcd-servers=http://127.0.0.1:" + etcdPort,
                "--bind-address=127.0.0.1", "--advertise-address=127.0.0.1", "--secure-port=" + apiPort,
                "--cert-dir=" + dir.resolve("kube-apiserver"),
                "--tls-cert-file=" + serving.certificate(), "--tls-private-key-file=" + serving.key(),
                "--client-ca-file=" + pki.caCertificate(),
                "--authorization-mode=RBAC",
                "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
                "--service-account-key-file=" + pki.serviceAccountPublicKey(),
                "--service-account-signing-key-file=" + pki.serviceAccountPrivateKey(),
                "--service-cluster-ip-range=" + SERVICE_RANGE,
                "--endpoint-reconciler-type=none",
                "--profiling=false"));
        adminKubeconfig = Kubeconfigs.withCertificate(dir.resolve("kubeconfig"), serverUrl, pki.caCertificate(),
                pki.client("admin", "mlrollout-e2e-admin", List.of("system:masters")));
        admin = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(read(adminKubeconfig))).build();
        await("kube-apiserver to be ready", this::ready, etcd, apiserver);
        char[] password = "mlrollout-e2e".toCharArray();
        Pki.KeyPair proxyServing = pki.server("api-proxy", List.of("127.0.0.1"), List.of("localhost"));
        proxy = new ApiFaultProxy(URI.create(serverUrl), TlsContexts.serving(pki.pkcs12(proxyServing, password), password),
                TlsContexts.trusting(pki.caCertificate()));

        Path kcmKubeconfig = Kubeconfigs.withCertificate(dir.resolve("kube-controller-manager").resolve("kubeconfig"), serverUrl,
                pki.caCertificate(), pki.client("kube-controller-manager", "system:kube-controller-manager", List.of()));
        ChildProcess kcm = launch("kube-controller-manager", List.of(binaries.resolve("kube-controller-manager").toString(),
                "--kubeconfig=" + kcmKubeconfig,
                "--authentication-kubeconfig=" + kcmKubeconfig, "--authorization-kubeconfig=" + kcmKubeconfig,
                "--bind-address=127.0.0.1", "--secure-port=" + FreePorts.onLoopback(),
                "--cert-dir=" + dir.resolve("kube-controller-manager"),
                "--use-service-account-credentials=true",
                "--service-account-private-key-file=" + pki.serviceAccountPrivateKey(),
                "--root-ca-file=" + pki.caCertificate(),
                "--service-cluster-ip-range=" + SERVICE_RANGE,
                "--leader-elect=false",
                // Pods live on 127.0.0.0/8, which the API server refuses in Endpoints and EndpointSlices:
                // these controllers could only fail on every Service. Traffic resolves selectors itself.
                "--controllers=*,-endpoints-controller,-endpointslice-controller,-endpointslice-mirroring-controller",
                "--profiling=false"));
        // The service-account controller creating "default" in a namespace shows the controllers run.
        await("kube-controller-manager to start its controllers", this::defaultServiceAccountExists, etcd, apiserver, kcm);
    }

    private ChildProcess launch(String name, List<String> command) {
        ChildProcess process = ChildProcess.start(command, Map.of(), dir.resolve(name));
        processes.add(process);
        return process;
    }

    private boolean ready() {
        try {
            return "ok".equals(admin.raw("/readyz"));
        } catch (KubernetesClientException e) {
            return false;
        }
    }

    private boolean defaultServiceAccountExists() {
        try {
            return admin.serviceAccounts().inNamespace("default").withName("default").get() != null;
        } catch (KubernetesClientException e) {
            return false;
        }
    }

    /** Waits for the condition; fails at once, with its log, when one of the programs has exited. */
    private void await(String what, BooleanSupplier condition, ChildProcess... watched) {
        Waits.until(what + " (logs in " + dir + ")", START_TIMEOUT, () -> {
            for (ChildProcess process : watched) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("waiting for " + what + ": " + process.log().getParent().getFileName()
                            + " exited with code " + process.exitCode() + ":\n" + LogFiles.tail(process.log(), 30));
                }
            }
            return condition.getAsBoolean();
        });
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
