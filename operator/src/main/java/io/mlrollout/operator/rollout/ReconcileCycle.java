package io.mlrollout.operator.rollout;

import io.mlrollout.api.v1alpha1.ModelDeploymentStatus;

/**
 * The one reconcile sequence, run by the operator and by the tests alike: analyse when due, decide,
 * write the intent, record the events, change the cluster, write what the cluster now does, and
 * start the next analysis window. Every side effect goes through a port, so a test can stop the
 * sequence at any of them (a crash) and the next cycle must converge to the decision.
 */
public final class ReconcileCycle {

    /** The objects and routing of one ModelDeployment. */
    public interface Cluster {
        void apply(Topology topology);

        /**
         * The canary's share of traffic once {@code topology} is applied, given the pods observed
         * before; only asked when the topology has a canary.
         */
        int effectiveWeight(ModelDeploymentStatus decided, Observation observation);
    }

    /** The metric measurements of one ModelDeployment. */
    public interface Analysis {
        AnalysisOutcome run(ModelDeploymentStatus status);

        /** The run's outcome is in the status now: its readings become the next baselines. */
        void commit();

        /** An analysis window starts with {@code status}: take baselines. */
        void startWindow(ModelDeploymentStatus status);
    }

    /** The status subresource. */
    public interface Statuses {
        /** The decision, before the cluster changes. */
        void writeIntent(ModelDeploymentStatus status);

        /** The decision with the weight the routing really gives, after the cluster changed. */
        void writeApplied(ModelDeploymentStatus status);
    }

    public interface Events {
        void record(RolloutEvent event, ModelDeploymentStatus decided);
    }

    public record Ports(Cluster cluster, Analysis analysis, Statuses statuses, Events events) {
    }

    /** What a cycle decided, and the status it left. */
    public record Result(Decision decision, ModelDeploymentStatus applied) {
    }

    private ReconcileCycle() {
    }

    /** @param input the spec, policy, status and observation; an analysis due now is run here */
    public static Result run(RolloutInput input, Ports ports) {
        Observation observation = input.observation();
        boolean analysing = input.policyProblem().isEmpty() && AnalysisSchedule.isDue(input.status(), input.policy(), input.now());
        if (analysing) {
            observation = observation.withAnalysis(ports.analysis().run(input.status()));
        }
        Decision decision = RolloutEngine.decide(input.with(observation));

        // Intent first: a crash or a failed write after this point converges to the decision (a
        // rollback is never forgotten and undone), and the analysis is consumed only once recorded.
        ports.statuses().writeIntent(decision.status());
        if (analysing) {
            ports.analysis().commit();
        }
        for (RolloutEvent event : decision.events()) {
            ports.events().record(event, decision.status());
        }
        ports.cluster().apply(decision.topology());
        ModelDeploymentStatus applied = StatusCopy.of(decision.status());
        applied.setCanaryWeight(decision.topology().canary() == null ? 0 : ports.cluster().effectiveWeight(applied, observation));
        ports.statuses().writeApplied(applied);
        if (AnalysisSchedule.startsWindow(applied, input.now())) {
            ports.analysis().startWindow(applied);
        }
        return new Result(decision, applied);
    }
}
