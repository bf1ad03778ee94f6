package io.mlrollout.router.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.mlrollout.api.v1alpha1.ModelDeployment;
import io.mlrollout.api.v1alpha1.ModelDeploymentSpec;
import io.mlrollout.api.v1alpha1.ModelDeploymentStatus;
import io.mlrollout.api.v1alpha1.VersionLabels;
import io.mlrollout.api.v1alpha1.VersionNames;
import io.mlrollout.router.routing.Endpoint;
import io.mlrollout.router.routing.RoutingTable;
import io.mlrollout.router.routing.Tables;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The informer-backed table against the fabric8 mock API server in CRUD mode: it follows status and pods. */
@EnableKubernetesMockClient(crud = true)
class InformerRoutingTableSourceTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    KubernetesMockServer server;
    KubernetesClient client;

    private Pod pod(String name, String slug, String ip, String ready) {
        return client.pods().inNamespace("ml").resource(ReadyPodsTest.pod(name, slug, ip, ready).build()).create();
    }

    private void writeStatus(int weight) {
        ModelDeployment md = client.resources(ModelDeployment.class).inNamespace("ml").withName("iris").get();
        ModelDeploymentStatus status = new ModelDeploymentStatus();
        status.setStable(Tables.STABLE);
        status.setCanary(Tables.CANARY);
        status.setCanaryWeight(weight);
        md.setStatus(status);
        client.resource(md).updateStatus();
    }

    private RoutingTable awaitTable(InformerRoutingTableSource source, java.util.function.Predicate<RoutingTable> condition) {
        await().atMost(WAIT).until(() -> condition.test(source.current()));
        return source.current();
    }

    @Test
    void theTableFollowsTheStatusAndTheReadyPodsOfTheModelDeployment() {
        String stableSlug = VersionNames.slug(Tables.STABLE);
        String canarySlug = VersionNames.slug(Tables.CANARY);
        try (InformerRoutingTableSource source = new InformerRoutingTableSource(client, "ml", "iris").start()) {
            RoutingTable missing = awaitTable(source, table -> table.unavailableReason().contains("does not exist"));
            assertThat(missing.serving()).isFalse();
            assertThat(source.hasTable()).isFalse();

            ModelDeployment md = new ModelDeployment();
            md.setMetadata(new ObjectMetaBuilder().withName("iris").withNamespace("ml").build());
            md.setSpec(new ModelDeploymentSpec());
            client.resource(md).create();
            awaitTable(source, table -> table.unavailableReason() != null && table.unavailableReason().contains("no stable version"));

            pod("iris-stable-1", stableSlug, "10.0.1.1", "True");
            Pod canary = pod("iris-canary-1", canarySlug, "10.0.2.1", "True");
            Pod otherDeployment = ReadyPodsTest.pod("other-1", stableSlug, "10.0.9.9", "True").build();
            otherDeployment.getMetadata().getLabels().put(VersionLabels.MODEL_DEPLOYMENT, "other");
            client.pods().inNamespace("ml").resource(otherDeployment).create();
            writeStatus(20);

            RoutingTable serving = awaitTable(source, table -> table.serving() && table.canaryWeight() == 20);
            assertThat(source.hasTable()).isTrue();
            assertThat(serving.stable().endpoints()).containsExactly(new Endpoint("10.0.1.1", 8080));
            assertThat(serving.canary().endpoints()).containsExactly(new Endpoint("10.0.2.1", 8080));

            canary.getStatus().getConditions().get(0).setStatus("False");
            client.pods().inNamespace("ml").resource(canary).updateStatus();
            RoutingTable canaryNotReady = awaitTable(source, table -> table.serving() && table.canary().endpoints().isEmpty());
            assertThat(canaryNotReady.canaryWeight()).as("no traffic to a version without Ready pods").isZero();

            client.resources(ModelDeployment.class).inNamespace("ml").withName("iris").delete();
            awaitTable(source, table -> !table.serving() && table.unavailableReason().contains("does not exist"));
        }
    }
}
