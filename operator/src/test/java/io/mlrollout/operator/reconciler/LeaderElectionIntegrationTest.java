package io.mlrollout.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.javaoperatorsdk.operator.Operator;
import io.mlrollout.api.v1alpha1.Phase;
import io.mlrollout.api.v1alpha1.RolloutStep;
import io.mlrollout.operator.OperatorSettings;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two operator replicas share one Lease: one reconciles, and the other takes over when it goes. */
@EnableKubernetesMockClient(crud = true)
class LeaderElectionIntegrationTest {

    KubernetesMockServer server;
    KubernetesClient client;

    private Operator first;
    private Operator second;

    static Optional<OperatorSettings.LeaderElection> election(String identity) {
        return Optional.of(new OperatorSettings.LeaderElection("mlrollout-operator", Optional.of("mlrollout-system"), identity,
                Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofMillis(300), false));
    }

    @AfterEach
    void stop() {
        for (Operator operator : new Operator[] {first, second}) {
            if (operator != null) {
                operator.stop();
            }
        }
    }

    @Test
    void oneReplicaLeadsAndTheOtherTakesOverWhenItStops() {
        java.util.logging.Logger.getLogger("io.fabric8.mockwebserver").setLevel(java.util.logging.Level.WARNING);
        allowLeasesOnRulesReview();
        first = MockClusterFixture.startOperator(client, election("replica-a"));
        await().atMost(MockClusterFixture.WAIT).untilAsserted(() -> assertThat(holder()).isEqualTo("replica-a"));
        second = MockClusterFixture.startOperator(client, election("replica-b"));

        MockClusterFixture md = new MockClusterFixture(client, false);
        md.policy("p", RolloutStep.weight(50));
        md.modelDeployment("iris", "1.0.0", "p", 1);
        md.awaitPhase("iris", Phase.Stable);
        assertThat(holder()).as("the follower never took the lease").isEqualTo("replica-a");

        first.stop();
        first = null;
        await().atMost(MockClusterFixture.WAIT).untilAsserted(() -> assertThat(holder()).isEqualTo("replica-b"));
        md.edit("iris", m -> m.getSpec().setModel(MockClusterFixture.model("2.0.0")));
        assertThat(md.awaitPhase("iris", Phase.Stable).getStableVersion()).isEqualTo("2.0.0");
    }

    // Before leading, the operator asks the API server which verbs it has on Leases; the mock
    // has no authorizer, so it answers as a cluster that grants exactly what the Role grants.
    private void allowLeasesOnRulesReview() {
        var review = new io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder()
                .withNewMetadata().endMetadata()
                .withNewStatus().withIncomplete(false)
                    .addNewResourceRule().withApiGroups("coordination.k8s.io").withResources("leases")
                        .withVerbs("get", "create", "update").endResourceRule()
                .endStatus().build();
        server.expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews").andReturn(201, review).always();
    }

    private String holder() {
        Lease lease = client.leases().inNamespace("mlrollout-system").withName("mlrollout-operator").get();
        return lease == null ? null : lease.getSpec().getHolderIdentity();
    }
}
