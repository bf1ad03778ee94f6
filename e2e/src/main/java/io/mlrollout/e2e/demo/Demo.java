package io.mlrollout.e2e.demo;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.mlrollout.api.v1alpha1.ModelDeployment;
import io.mlrollout.api.v1alpha1.RolloutPolicy;
import io.mlrollout.e2e.cluster.ControlPlaneCluster;
import io.mlrollout.e2e.cluster.process.BuiltApplications;
import io.mlrollout.e2e.observe.RolloutState;
import io.mlrollout.e2e.observe.RolloutTimeline;
import io.mlrollout.e2e.traffic.ClusterEndpoints;
import io.mlrollout.e2e.traffic.ServiceRouting;
import io.mlrollout.e2e.traffic.TrafficGenerator;
import io.mlrollout.e2e.traffic.TrafficPlan;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The one-command demo: a real Kubernetes control plane with the emulated node, the operator
 * installed from manifests/base, the sample RolloutPolicy and
 * ModelDeployment, live traffic, then a good version (promoted) and a schema-breaking one (rolled
 * back on its own), printed as it happens.
 */
public final class Demo {

    static final String NAMESPACE = "default";
    static final String NAME = "iris";
    static final String GOOD = "2.0.0";
    static final String BAD = "3.0.0";
    private static final Duration ROLLOUT_TIMEOUT = Duration.ofMinutes(12);

    private final DemoOptions options;
    private final ControlPlaneCluster cluster;
    private final LiveTable table = new LiveTable(System.out, NAME, "iris");

    private Demo(DemoOptions options, ControlPlaneCluster cluster) {
        this.options = options;
        this.cluster = cluster;
    }

    public static void main(String[] args) throws InterruptedException {
        DemoOptions options;
        try {
            options = DemoOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Path workDir = BuiltApplications.locate().repository().resolve("e2e/target/demo-cluster");
        System.out.println("Starting the cluster (etcd, kube-apiserver, kube-controller-manager, one emulated node) and installing"
                + " the operator (work folder " + workDir + ") ...");
        ControlPlaneCluster cluster = ControlPlaneCluster.start(workDir, Duration.ofSeconds(5));
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "demo-shutdown"));
        new Demo(options, cluster).run();
        if (options.keepRunning()) {
            keepRunning(cluster);
        }
        System.exit(0);
    }

    private void run() {
        KubernetesClient client = cluster.client();
        RolloutPolicy policy = samplePolicy();
        ModelDeployment md = read("modeldeployment-iris.yaml", ModelDeployment.class);
        md.getMetadata().setNamespace(NAMESPACE);
        table.note("kubectl apply -f manifests/samples/rolloutpolicy-standard-canary.yaml"
                + (options.fast() ? " (durations divided by 10: --fast)" : ""));
        client.resource(policy).create();
        table.note("kubectl apply -f manifests/samples/modeldeployment-iris.yaml");
        client.resource(md).create();
        table.header();
        try (RolloutTimeline timeline = RolloutTimeline.start(client, NAMESPACE, NAME, Duration.ofMillis(250), table::print)) {
            await(timeline, "version 1.0.0 Stable", Instant.EPOCH, s -> "Stable".equals(s.phase()));
            table.note(String.format("live traffic: %.0f inference requests a second through Service %s", options.requestsPerSecond(), NAME));
            try (ClusterEndpoints endpoints = new ClusterEndpoints(client, cluster.podNetwork(), NAMESPACE, 200);
                 TrafficGenerator traffic = TrafficGenerator.start(TrafficPlan.steady("iris", options.requestsPerSecond(),
                         ROLLOUT_TIMEOUT.multipliedBy(3)), new ServiceRouting(endpoints, NAME))) {
                Instant start = rollOut(GOOD, "iris-v2", "a better model");
                RolloutState good = await(timeline, "the promotion of " + GOOD, start, s -> !"Validating".equals(s.phase())
                        && (GOOD.equals(s.stableVersion()) && "Stable".equals(s.phase()) || "RolledBack".equals(s.phase())));
                if ("RolledBack".equals(good.phase())) {
                    table.note(GOOD + " was rolled back too: see the analysis above (a cold canary JVM on busy cores can be slow)");
                }
                start = rollOut(BAD, "iris-schema-break", "a model that expects five features: every client request breaks");
                await(timeline, "the rollback of " + BAD, start, s -> "RolledBack".equals(s.phase()));
                table.note("the stable version keeps serving; the spec still names " + BAD + ", which is not retried");
                traffic.close();
                DemoSummary.of(traffic.record(), timeline, GOOD, BAD).print(System.out, BAD);
            }
        }
    }

    private Instant rollOut(String version, String sample, String what) {
        Instant now = Instant.now();
        table.note("rolling out " + version + ": " + what + " (spec.model -> classpath:models/" + sample + "/model.onnx)");
        cluster.client().resources(ModelDeployment.class).inNamespace(NAMESPACE).withName(NAME)
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"model\":{\"version\":\"" + version
                        + "\",\"uri\":\"classpath:models/" + sample + "/model.onnx\"}}}");
        return now;
    }

    /** The first state seen after {@code since} that matches; bounded so that a broken build cannot hang the demo. */
    private RolloutState await(RolloutTimeline timeline, String what, Instant since, Predicate<RolloutState> done) {
        long deadline = System.nanoTime() + ROLLOUT_TIMEOUT.toNanos();
        while (true) {
            Optional<RolloutState> seen = timeline.states().stream().filter(s -> s.seenAt().isAfter(since)).filter(done).findFirst();
            if (seen.isPresent()) {
                return seen.get();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no " + what + " within " + ROLLOUT_TIMEOUT + "; operator log:\n"
                        + cluster.operator().logTail(40));
            }
            sleep(Duration.ofMillis(250));
        }
    }

    private RolloutPolicy samplePolicy() {
        RolloutPolicy policy = read("rolloutpolicy-standard-canary.yaml", RolloutPolicy.class);
        policy.getMetadata().setNamespace(NAMESPACE);
        return options.fast() ? FastPolicy.of(policy) : policy;
    }

    private <T extends io.fabric8.kubernetes.api.model.HasMetadata> T read(String sample, Class<T> type) {
        Path file = BuiltApplications.locate().samples().resolve(sample);
        try (InputStream in = Files.newInputStream(file)) {
            return cluster.client().getKubernetesSerialization().unmarshal(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void keepRunning(ControlPlaneCluster cluster) throws InterruptedException {
        System.out.println();
        System.out.println("The cluster keeps running. In another terminal:");
        System.out.println("  export KUBECONFIG=" + cluster.kubeconfig());
        System.out.println("  kubectl get mdep,deploy,pods,svc");
        System.out.println("  kubectl get mdep iris -w");
        System.out.println("  kubectl describe mdep iris");
        System.out.println("Pod logs (the operator's too): " + cluster.workDir().resolve("pods") + "/<namespace>/<pod>/output.log");
        System.out.println("Ctrl-C stops everything (it stops by itself after 8 hours).");
        new CountDownLatch(1).await(8, TimeUnit.HOURS);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
