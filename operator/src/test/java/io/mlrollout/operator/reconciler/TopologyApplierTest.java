package io.mlrollout.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.mlrollout.api.v1alpha1.ModelDeployment;
import io.mlrollout.api.v1alpha1.ModelRef;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.mlrollout.api.v1alpha1.ModelDeploymentSpec;
import io.mlrollout.operator.resources.ModelServerDefaults;
import io.mlrollout.operator.resources.ResourceApplier;
import io.mlrollout.api.v1alpha1.VersionNames;
import io.mlrollout.operator.rollout.Topology;
import io.mlrollout.operator.traffic.ServiceRouter;
import io.mlrollout.operator.traffic.TrafficRouter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The order of writes when a topology changes: capacity, then traffic, then the pods that go. */
@EnableKubernetesMockClient(crud = true)
class TopologyApplierTest {

    KubernetesMockServer server;
    KubernetesClient client;

    static final ModelServerDefaults DEFAULTS = new ModelServerDefaults("model-server:1", 8080, new ResourceRequirements());

    static ModelDeployment md() {
        ModelDeployment md = new ModelDeployment();
        md.setMetadata(new ObjectMetaBuilder().withName("iris").withNamespace(MockClusterFixture.NS).withUid("u-1").build());
        md.setSpec(new ModelDeploymentSpec());
        md.getSpec().setModel(MockClusterFixture.model("2.0.0"));
        return md;
    }

    static ModelRef version(String v) {
        return ModelRef.of(MockClusterFixture.model(v));
    }

    /** Method and object name of every write since the last call, oldest first. */
    private List<String> writes() throws InterruptedException {
        List<String> writes = new ArrayList<>();
        for (RecordedRequest request; (request = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null; ) {
            if (!request.getMethod().equals("GET")) {
                String path = request.getPath().replaceAll("\\?.*", "");
                writes.add(request.getMethod() + " " + path.substring(path.indexOf("/namespaces/") + 1));
            }
        }
        return writes;
    }

    /** The objects updated (PUT) when the cluster goes from one topology to the other, in order. */
    private List<String> updatesFrom(Topology from, Topology to) throws InterruptedException {
        ResourceApplier applier = new ResourceApplier(client);
        TopologyApplier topologies = new TopologyApplier(client, applier, DEFAULTS);
        TrafficRouter router = new ServiceRouter(client, applier);
        topologies.apply(md(), from, router);
        writes();
        topologies.apply(md(), to, router);
        return writes().stream().filter(w -> w.startsWith("PUT")).map(w -> w.substring(w.lastIndexOf('/', w.lastIndexOf('/') - 1) + 1))
                .toList();
    }

    private static String deployment(ModelRef model) {
        return "deployments/" + VersionNames.objectName("iris", model);
    }

    @Test
    void aRollbackScalesTheStableUpThenMovesTrafficThenScalesTheCanaryDown() throws InterruptedException {
        ModelRef stable = version("1.0.0");
        ModelRef canary = version("2.0.0");
        assertThat(updatesFrom(new Topology(new Topology.VersionPlan(stable, 1), new Topology.VersionPlan(canary, 3), 75),
                new Topology(new Topology.VersionPlan(stable, 4), new Topology.VersionPlan(canary, 0), 0)))
                .containsExactly(deployment(stable), "services/iris", deployment(canary));
    }

    @Test
    void aStepForwardAddsCanaryPodsBeforeTheRoutingAndTakesStablePodsAfterIt() throws InterruptedException {
        ModelRef stable = version("1.0.0");
        ModelRef canary = version("2.0.0");
        assertThat(updatesFrom(new Topology(new Topology.VersionPlan(stable, 4), new Topology.VersionPlan(canary, 1), 0),
                new Topology(new Topology.VersionPlan(stable, 2), new Topology.VersionPlan(canary, 2), 50)))
                .containsExactly(deployment(canary), "services/iris", deployment(stable));
    }
}
