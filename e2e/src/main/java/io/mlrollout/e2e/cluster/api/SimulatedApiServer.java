package io.mlrollout.e2e.cluster.api;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The API server of the simulated cluster: fabric8's mock API server in CRUD mode, standalone on a
 * loopback port over plain HTTP, with the project's CRDs (and Gateway API's HTTPRoute) installed and
 * a kubeconfig file written for the operator and kubectl.
 */
public final class SimulatedApiServer implements AutoCloseable {

    private static final String HTTPROUTE_CRD = "/cluster/gateway-api-httproute-crd.yaml";
    /** Held so that the level sticks: java.util.logging keeps loggers only weakly. */
    private static final Logger MOCK_SERVER_LOG = Logger.getLogger("io.fabric8.mockwebserver");

    private final KubernetesMockServer server;
    private final Path kubeconfig;
    private final KubernetesClient client;

    private SimulatedApiServer(KubernetesMockServer server, Path kubeconfig) {
        this.server = server;
        this.kubeconfig = kubeconfig;
        this.client = newClient();
    }

    public static SimulatedApiServer start(Path crdDirectory, Path workDir) {
        MOCK_SERVER_LOG.setLevel(Level.WARNING);
        var responses = new HashMap<io.fabric8.mockwebserver.ServerRequest, java.util.Queue<io.fabric8.mockwebserver.ServerResponse>>();
        ApiDispatcher dispatcher = new ApiDispatcher(new KubernetesMixedDispatcher(responses), new SchemaAdmission(crdDirectory));
        KubernetesMockServer server = new KubernetesMockServer(new Context(Serialization.jsonMapper()), new MockWebServer(),
                responses, dispatcher, false);
        server.setVersionInfo(new VersionInfo.Builder().withMajor("1").withMinor("32").withGitVersion("v1.32.0-mlrollout-simulated")
                .withPlatform("linux/amd64").build());
        try {
            server.init(InetAddress.getByName("127.0.0.1"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the simulated API server", e);
        }
        String address = "127.0.0.1:" + server.getPort();
        dispatcher.serveDiscoveryFor(address);
        SimulatedApiServer api = new SimulatedApiServer(server, Kubeconfig.write(workDir.resolve("kubeconfig"), "http://" + address));
        api.installCrds(crdDirectory);
        return api;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getPort();
    }

    public Path kubeconfig() {
        return kubeconfig;
    }

    /** The server's own client, for the emulated controllers and the tests. */
    public KubernetesClient client() {
        return client;
    }

    public KubernetesClient newClient() {
        return new KubernetesClientBuilder().withConfig(new ConfigBuilder().withMasterUrl(url()).withNamespace("default")
                .withRequestTimeout(10_000).withConnectionTimeout(5_000).build()).build();
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }

    private void installCrds(Path crdDirectory) {
        try (Stream<Path> files = Files.list(crdDirectory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    install(in);
                }
            }
            try (InputStream in = SimulatedApiServer.class.getResourceAsStream(HTTPROUTE_CRD)) {
                install(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install the CRDs from " + crdDirectory, e);
        }
    }

    private void install(InputStream yaml) {
        Object parsed = client.getKubernetesSerialization().unmarshal(yaml);
        for (Object item : parsed instanceof List<?> list ? list : List.of(parsed)) {
            if (item instanceof CustomResourceDefinition crd) {
                client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
            }
        }
    }
}
