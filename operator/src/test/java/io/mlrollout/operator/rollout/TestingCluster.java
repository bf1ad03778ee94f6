package io.mlrollout.operator.rollout;

import io.mlrollout.api.v1alpha1.AnalysisStatus;
import io.mlrollout.api.v1alpha1.MetricResult;
import io.mlrollout.api.v1alpha1.ModelDeploymentStatus;
import io.mlrollout.api.v1alpha1.Verdict;
import io.mlrollout.api.v1alpha1.ModelRef;
import io.mlrollout.api.v1alpha1.ModelSpec;
import io.mlrollout.api.v1alpha1.Phase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the operator's reconcile cycle ({@link ReconcileCycle}), against a tiny in-memory cluster whose pods turn
 * Ready when told to, with a clock the test moves. Every decision's status feeds the next one.
 */
final class TestingCluster {

    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private ResolvedPolicy policy;
    private final int replicas;
    private final boolean weightByReplicas;
    private final Map<ModelRef, VersionObservation> pods = new HashMap<>();
    private final Set<ModelRef> notReady = new HashSet<>();
    private final Map<ModelRef, String> failing = new HashMap<>();
    private final Map<ModelRef, Integer> readyAtMost = new HashMap<>();
    private final List<RolloutEvent> events = new ArrayList<>();
    private ModelSpec desired;
    private ModelDeploymentStatus status;
    private Instant now = START;
    private Requests requests = Requests.NONE;
    private int effectiveWeight;
    private Decision last;
    private Topology applied;
    private long generation = 1;
    private Verdict verdict = Verdict.Pass;
    private int analyses;
    private java.util.Optional<String> policyProblem = java.util.Optional.empty();
    private CrashPoint crashAt;
    private int windows;
    private final ReconcileCycle.Ports ports;

    TestingCluster(ResolvedPolicy policy, int replicas, boolean weightByReplicas) {
        this.policy = policy;
        this.replicas = replicas;
        this.weightByReplicas = weightByReplicas;
        Ports cyclePorts = new Ports();
        this.ports = new ReconcileCycle.Ports(cyclePorts, cyclePorts, cyclePorts, cyclePorts);
    }

    static ModelSpec model(String version) {
        ModelSpec model = new ModelSpec();
        model.setName("iris");
        model.setVersion(version);
        model.setUri("classpath:models/iris-" + version + "/model.onnx");
        return model;
    }

    TestingCluster desire(String version) {
        desired = model(version);
        generation++;
        return this;
    }

    TestingCluster podsNeverReady(String version) {
        notReady.add(ModelRef.of(model(version)));
        return this;
    }

    TestingCluster podsFail(String version, String why) {
        failing.put(ModelRef.of(model(version)), why);
        return this;
    }

    TestingCluster podsBecomeReady(String version) {
        notReady.remove(ModelRef.of(model(version)));
        readyAtMost.remove(ModelRef.of(model(version)));
        return this;
    }

    /** New pods of this version start but do not turn Ready beyond {@code count}. */
    TestingCluster podsReadyAtMost(String version, int count) {
        readyAtMost.put(ModelRef.of(model(version)), count);
        return this;
    }

    TestingCluster policy(ResolvedPolicy newPolicy) {
        policy = newPolicy;
        policyProblem = java.util.Optional.empty();
        return this;
    }

    /** The named policy cannot be used (deleted, or invalid) until {@link #policy} gives one again. */
    TestingCluster policyUnavailable(String problem) {
        policyProblem = java.util.Optional.of(problem);
        return this;
    }

    TestingCluster request(Requests newRequests) {
        requests = newRequests;
        return this;
    }

    /** The verdict every analysis run gives from now on. */
    TestingCluster analysis(Verdict next) {
        verdict = next;
        return this;
    }

    int analysisRuns() {
        return analyses;
    }

    /** How many analysis windows (baselines) the cycle started. */
    int analysisWindows() {
        return windows;
    }

    TestingCluster advance(Duration duration) {
        now = now.plus(duration);
        return this;
    }

    /** Where a simulated operator crash stops the reconcile cycle. */
    enum CrashPoint {
        /** The decided status is written; the cluster is unchanged. */
        AFTER_INTENT,
        /** The cluster changed; the status still holds the intent. */
        AFTER_APPLY,
        /** Everything is written, but no analysis window was started. */
        AFTER_APPLIED_STATUS,
        /** The first write that changes anything (status or cluster), as the API server would see it. */
        AFTER_FIRST_CHANGE
    }

    private static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash() {
            super(null, null, false, false);
        }
    }

    /** One reconcile: observe, then the operator's own cycle against this cluster. */
    Decision reconcile() {
        crashAt = null;
        return cycle();
    }

    /** One reconcile in which the operator dies at {@code point}; the next reconcile starts from what it wrote. */
    TestingCluster crash(CrashPoint point) {
        crashAt = point;
        try {
            cycle();
        } catch (SimulatedCrash expected) {
            // The process is gone; what it wrote stays.
        } finally {
            crashAt = null;
        }
        return this;
    }

    private Decision cycle() {
        if (applied != null) {
            converge(applied);
        }
        ResolvedPolicy inForce = policyProblem.isPresent() ? PolicyResolver.defaultPolicy(Duration.ofSeconds(30)) : policy;
        RolloutInput input = new RolloutInput(desired, replicas, weightByReplicas, inForce, status,
                Observation.of(pods, effectiveWeight), requests, generation, now, policyProblem);
        last = ReconcileCycle.run(input, ports).decision();
        return last;
    }

    private void crashIfAt(CrashPoint point) {
        if (crashAt == point) {
            throw new SimulatedCrash();
        }
    }

    /** This cluster as the cycle's ports: an in-memory API server, routing and metrics. */
    private final class Ports implements ReconcileCycle.Cluster, ReconcileCycle.Analysis, ReconcileCycle.Statuses,
            ReconcileCycle.Events {

        @Override
        public void apply(Topology topology) {
            boolean changes = !topology.equals(applied);
            converge(topology);
            crashIfAt(CrashPoint.AFTER_APPLY);
            if (changes) {
                crashIfAt(CrashPoint.AFTER_FIRST_CHANGE);
            }
        }

        @Override
        public int effectiveWeight(ModelDeploymentStatus decided, Observation observation) {
            return effectiveWeight;
        }

        @Override
        public AnalysisOutcome run(ModelDeploymentStatus current) {
            analyses++;
            return outcome(verdict);
        }

        @Override
        public void commit() {
            // The outcome is generated, not measured: there are no readings to keep.
        }

        @Override
        public void startWindow(ModelDeploymentStatus current) {
            windows++;
        }

        @Override
        public void writeIntent(ModelDeploymentStatus written) {
            store(written);
            crashIfAt(CrashPoint.AFTER_INTENT);
        }

        @Override
        public void writeApplied(ModelDeploymentStatus written) {
            store(written);
            crashIfAt(CrashPoint.AFTER_APPLIED_STATUS);
        }

        // The status goes through JSON, as it does through the API server; like the operator's
        // status writer, an unchanged status is not written at all.
        private void store(ModelDeploymentStatus written) {
            boolean changes = status == null || !sameState(status, written);
            status = JSON.convertValue(written, ModelDeploymentStatus.class);
            if (changes) {
                crashIfAt(CrashPoint.AFTER_FIRST_CHANGE);
            }
        }

        @Override
        public void record(RolloutEvent event, ModelDeploymentStatus decided) {
            events.add(event);
        }
    }

    /** Reconciles until nothing is left to wait for but time or a person, at most {@code limit} times. */
    Decision settle(int limit) {
        for (int i = 0; i < limit; i++) {
            Decision before = last;
            reconcile();
            if (before != null && before.topology().equals(last.topology()) && sameState(before.status(), last.status())) {
                return last;
            }
        }
        return last;
    }

    Decision settle() {
        return settle(20);
    }

    /** Settles, and when that ends in a promotion waiting for the old version to drain, lets the drain pass. */
    Decision settleThroughDrain() {
        settle();
        if (status.getPhase() == Phase.Promoting) {
            advance(CanaryRollout.DRAIN_DELAY);
            settle();
        }
        return last;
    }

    /** Moves the clock by {@code step} and reconciles, until the phase is reached or {@code max} passed. */
    Decision runUntil(Phase phase, Duration step, Duration max) {
        Instant end = now.plus(max);
        settle();
        while (status.getPhase() != phase && now.isBefore(end)) {
            advance(step);
            settle();
        }
        return last;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private static boolean sameState(ModelDeploymentStatus a, ModelDeploymentStatus b) {
        return JSON.valueToTree(a).equals(JSON.valueToTree(b));
    }

    private AnalysisOutcome outcome(Verdict result) {
        MetricResult metric = new MetricResult();
        metric.setName("error-rate");
        metric.setVerdict(result);
        metric.setCanary(result == Verdict.Fail ? 0.2 : 0.0);
        metric.setLimit(0.01);
        metric.setSampleSize(result == Verdict.Inconclusive ? 3L : 500L);
        metric.setMessage(result == Verdict.Inconclusive ? "3 canary requests, fewer than minSampleSize 50" : null);
        AnalysisStatus details = new AnalysisStatus();
        details.setTime(now.toString());
        details.setVerdict(result);
        details.setMetrics(List.of(metric));
        return new AnalysisOutcome(result, details);
    }

    private void converge(Topology topology) {
        applied = topology;
        Map<ModelRef, VersionObservation> next = new HashMap<>();
        place(next, topology.stable());
        place(next, topology.canary());
        pods.clear();
        pods.putAll(next);
        if (topology.canary() == null) {
            effectiveWeight = 0;
        } else if (weightByReplicas && topology.canaryWeight() > 0 && topology.canaryWeight() < 100) {
            effectiveWeight = ReplicaSplit.weightOf(ready(topology.stable()), ready(topology.canary()));
        } else {
            effectiveWeight = topology.canaryWeight();
        }
    }

    private int ready(Topology.VersionPlan plan) {
        return plan == null ? 0 : pods.get(plan.model()).readyReplicas();
    }

    private void place(Map<ModelRef, VersionObservation> next, Topology.VersionPlan plan) {
        if (plan == null) {
            return;
        }
        int ready = notReady.contains(plan.model()) ? 0 : Math.min(plan.replicas(), readyAtMost.getOrDefault(plan.model(), plan.replicas()));
        VersionObservation observed = VersionObservation.of(plan.replicas(), ready);
        next.put(plan.model(), failing.containsKey(plan.model()) ? observed.failing(failing.get(plan.model())) : observed);
    }

    ModelDeploymentStatus status() {
        return status;
    }

    Decision last() {
        return last;
    }

    List<RolloutEvent> events() {
        return events;
    }

    List<String> eventReasons() {
        return events.stream().map(RolloutEvent::reason).toList();
    }

    int effectiveWeight() {
        return effectiveWeight;
    }

    Map<ModelRef, VersionObservation> pods() {
        return pods;
    }

    Instant now() {
        return now;
    }
}
