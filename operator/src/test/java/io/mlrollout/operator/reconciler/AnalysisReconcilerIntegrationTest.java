package io.mlrollout.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.mlrollout.api.v1alpha1.AnalysisSpec;
import io.mlrollout.api.v1alpha1.MetricSpec;
import io.mlrollout.api.v1alpha1.ModelDeploymentStatus;
import io.mlrollout.api.v1alpha1.ModelRef;
import io.mlrollout.api.v1alpha1.Phase;
import io.mlrollout.api.v1alpha1.RolloutStep;
import io.mlrollout.api.v1alpha1.ServingSpec;
import io.mlrollout.api.v1alpha1.Verdict;
import io.mlrollout.operator.resources.Labels;
import io.mlrollout.api.v1alpha1.VersionNames;
import io.mlrollout.operator.rollout.Reasons;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Metric analysis through the real reconciler: pods on the mock API server point at stand-in model
 * servers whose counters the test drives, and the operator scrapes them like real pods.
 */
@EnableKubernetesMockClient(crud = true)
class AnalysisReconcilerIntegrationTest {

    KubernetesMockServer server;
    KubernetesClient client;

    private MockClusterFixture cluster;
    private TestingModelServers servers;

    @BeforeEach
    void start() throws Exception {
        cluster = new MockClusterFixture(client);
        servers = new TestingModelServers();
        servers.start("1.0.0", "127.0.0.21");
        servers.start("2.0.0", "127.0.0.22");
        cluster.controllers.podIp(name("1.0.0"), "127.0.0.21");
        cluster.controllers.podIp(name("2.0.0"), "127.0.0.22");
        servers.traffic("1.0.0", 100, 0.0);
    }

    @AfterEach
    void stop() {
        cluster.close();
        servers.close();
    }

    static String name(String version) {
        return VersionNames.objectName("iris", ModelRef.of(MockClusterFixture.model(version)));
    }

    private void startRollout(String progressDeadline) {
        AnalysisSpec analysis = new AnalysisSpec();
        analysis.setInterval("1s");
        analysis.setFailureLimit(2);
        analysis.setMinSampleSize(10);
        analysis.setInconclusiveLimit(3);
        analysis.setProgressDeadline(progressDeadline);
        MetricSpec errorRate = new MetricSpec();
        errorRate.setName("error-rate");
        errorRate.setMax(0.05);
        analysis.setMetrics(List.of(errorRate));
        cluster.policy("judged", analysis, RolloutStep.weight(50), RolloutStep.pause("2s"));
        cluster.modelDeployment("iris", "1.0.0", "judged", 4, md -> {
            md.getSpec().setServing(new ServingSpec());
            md.getSpec().getServing().setPort(servers.port());
        });
        cluster.awaitPhase("iris", Phase.Stable);
        cluster.edit("iris", md -> md.getSpec().setModel(MockClusterFixture.model("2.0.0")));
    }

    @Test
    void aCanaryFailingItsMetricsIsRolledBackWithinFailureLimitIntervalsAndTheStableNeverShrinks() {
        servers.traffic("2.0.0", 100, 0.5);
        startRollout("1m");
        List<Integer> stableReplicas = new ArrayList<>();
        ModelDeploymentStatus rolledBack = await().atMost(MockClusterFixture.WAIT).until(() -> {
            cluster.controllers.sync();
            ModelDeploymentStatus status = cluster.status("iris");
            stableReplicas.add(cluster.deployment("iris", "1.0.0").getSpec().getReplicas());
            return status;
        }, s -> s.getPhase() == Phase.RolledBack);

        assertThat(rolledBack.getCanaryWeight()).isZero();
        assertThat(rolledBack.getLastAnalysis().getVerdict()).isEqualTo(Verdict.Fail);
        assertThat(rolledBack.getLastAnalysis().getMetrics()).singleElement().satisfies(m -> {
            assertThat(m.getName()).isEqualTo("error-rate");
            assertThat(m.getCanary()).isEqualTo(0.5);
            assertThat(m.getStable()).isEqualTo(0.0);
            assertThat(m.getLimit()).isEqualTo(0.05);
            assertThat(m.getSampleSize()).isGreaterThanOrEqualTo(100);
        });
        assertThat(rolledBack.getConditions()).anySatisfy(c -> assertThat(c.getType() + "/" + c.getStatus() + "/" + c.getReason())
                .isEqualTo("Degraded/True/AnalysisFailed"));
        assertThat(rolledBack.getHistory().get(0).getReason()).startsWith("AnalysisFailed: 2 failed analyses (failureLimit 2): error-rate 0.5000 (limit 0.05000");
        assertThat(cluster.eventReasons()).contains(Reasons.ANALYSIS_FAILED, Reasons.ROLLED_BACK);
        // The rollback is written before the cluster changes (intent first): the routing follows a moment later.
        await().atMost(MockClusterFixture.WAIT).untilAsserted(() -> {
            assertThat(cluster.routerSelector("iris")).containsEntry(Labels.VERSION, MockClusterFixture.slug("1.0.0"));
            assertThat(cluster.deployment("iris", "2.0.0").getSpec().getReplicas()).isZero();
        });
        await().atMost(MockClusterFixture.WAIT).untilAsserted(() ->
                assertThat(cluster.deployment("iris", "1.0.0").getSpec().getReplicas()).isEqualTo(4));
        int lowest = stableReplicas.stream().min(Integer::compare).orElseThrow();
        int fromLowest = stableReplicas.indexOf(lowest);
        assertThat(stableReplicas.subList(fromLowest, stableReplicas.size())).as("stable replicas only grow back: %s", stableReplicas)
                .isSorted();
    }

    @Test
    void aCanaryWithoutTrafficIsNeverPromotedButRolledBackForInsufficientData() {
        servers.traffic("2.0.0", 0, 0.0);
        startRollout("1m");
        ModelDeploymentStatus status = cluster.awaitPhase("iris", Phase.RolledBack);
        assertThat(status.getStableVersion()).isEqualTo("1.0.0");
        assertThat(status.getConditions()).anySatisfy(c -> assertThat(c.getType() + "/" + c.getReason()).isEqualTo("Degraded/InsufficientData"));
        assertThat(status.getMessage()).contains("3 inconclusive analyses in a row", "error-rate: no canary data");
        assertThat(status.getHistory()).noneSatisfy(h -> assertThat(h.getVersion() + h.getResult()).isEqualTo("2.0.0Promoted"));
    }

    @Test
    void aCanaryThatNeverTurnsReadyIsRolledBackAtTheDeadlineWithTheReason() {
        cluster.controllers.keepUnready(name("2.0.0"));
        servers.notReady("2.0.0", "model sha256 mismatch: expected 9f2c, got 5065");
        startRollout("3s");
        ModelDeploymentStatus status = cluster.awaitPhase("iris", Phase.RolledBack);
        assertThat(status.getMessage()).contains("canary pods not Ready within progressDeadline 3s", "0 of 1 Ready",
                ": model sha256 mismatch: expected 9f2c, got 5065");
        assertThat(status.getConditions()).anySatisfy(c -> assertThat(c.getType() + "/" + c.getReason())
                .isEqualTo("Degraded/ProgressDeadlineExceeded"));
        assertThat(cluster.deployment("iris", "1.0.0").getSpec().getReplicas()).isEqualTo(4);
    }

    @Test
    void aRolledBackVersionStaysRolledBackUntilARetryThenPromotesWhenHealthy() {
        servers.traffic("2.0.0", 100, 0.5);
        startRollout("1m");
        cluster.awaitPhase("iris", Phase.RolledBack);
        servers.traffic("2.0.0", 100, 0.0);
        await().during(Duration.ofSeconds(3)).atMost(MockClusterFixture.WAIT).untilAsserted(() ->
                assertThat(cluster.status("iris").getPhase()).as("not retried by itself").isEqualTo(Phase.RolledBack));

        cluster.edit("iris", md -> md.getMetadata().setAnnotations(Map.of(Labels.RETRY_ANNOTATION, "after-fix")));
        ModelDeploymentStatus promoted = cluster.awaitPhase("iris", Phase.Stable);
        assertThat(promoted.getStableVersion()).isEqualTo("2.0.0");
        assertThat(promoted.getHandledRequests().getRetry()).isEqualTo("after-fix");
        assertThat(promoted.getHistory()).extracting(h -> h.getVersion() + ":" + h.getResult())
                .startsWith("2.0.0:Promoted", "2.0.0:RolledBack");
    }
}
