package io.mlrollout.operator.rollout;

import io.mlrollout.api.v1alpha1.Durations;
import io.mlrollout.api.v1alpha1.InconclusiveAction;
import io.mlrollout.api.v1alpha1.ModelDeploymentStatus;
import io.mlrollout.api.v1alpha1.ModelRef;
import io.mlrollout.api.v1alpha1.Phase;
import io.mlrollout.api.v1alpha1.RolloutResult;
import java.time.Duration;
import java.util.List;

/** A new version beside a serving stable one: validate, shift step by step, promote or roll back. */
final class CanaryRollout {

    /**
     * How long the old version keeps its pods after all traffic left it, before it is retired:
     * proxies, ingresses and Gateway implementations learn of a routing change a moment after the
     * API server has it. The pods' own drain (the model server's DRAIN_PERIOD) comes on top.
     */
    static final Duration DRAIN_DELAY = Duration.ofSeconds(5);

    private final RolloutEngine engine;
    private final RolloutInput in;
    private final ModelDeploymentStatus status;
    private boolean analysisCounts = true;

    CanaryRollout(RolloutEngine engine) {
        this.engine = engine;
        this.in = engine.input();
        this.status = engine.status();
    }

    Topology converge(ModelRef desired) {
        if (!desired.equals(status.getCanary())) {
            if (desired.equals(status.getRejected()) && !in.requests().newRetry(status.getHandledRequests())) {
                return rolledBack();
            }
            start(desired);
        }
        if (in.requests().newAbort(status.getHandledRequests())) {
            status.getHandledRequests().setAbort(in.requests().abort());
            return rollBack(RolloutResult.Aborted, Reasons.ABORTED, "aborted by the mlrollout.io/abort annotation");
        }
        if (canaryPods().failure().isPresent()) {
            return rollBack(RolloutResult.RolledBack, Reasons.CANARY_FAILING, canaryPods().failure().get());
        }
        if (in.policyProblem().isPresent() && status.getPhase() != Phase.Promoting) {
            return withoutPolicy(in.policyProblem().get());
        }
        boolean restarted = new PolicyChanges(engine).follow();
        boolean returned = policyReturned();
        analysisCounts = !restarted && !returned;
        return switch (status.getPhase()) {
            case Validating -> validate();
            case Promoting -> promote();
            default -> progress();
        };
    }

    private void start(ModelRef desired) {
        if (status.getCanary() != null) {
            History.finish(engine, status.getCanary(), RolloutResult.Superseded, "superseded by version " + desired.getVersion());
            engine.event(RolloutEvent.normal(Reasons.SUPERSEDED, "Canary " + status.getCanaryVersion()
                    + " superseded by version " + desired.getVersion()));
        }
        if (in.requests().newRetry(status.getHandledRequests())) {
            status.getHandledRequests().setRetry(in.requests().retry());
        }
        engine.clearCanary();
        status.setRejected(null);
        status.setCanary(desired);
        status.setCanaryVersion(desired.getVersion());
        status.setCurrentStep(0);
        status.setRolloutStartedAt(engine.now().toString());
        status.setStepStartedAt(engine.now().toString());
        status.setLastAnalysis(null);
        engine.enter(Phase.Validating, "Starting canary " + desired.getVersion() + " beside stable " + status.getStableVersion());
        engine.event(RolloutEvent.normal(Reasons.ROLLOUT_STARTED, "Rolling out version " + desired.getVersion()
                + " (stable: " + status.getStableVersion() + ")"));
    }

    private Topology validate() {
        ReplicaSplit split = in.split(0);
        if (canaryPods().readyWith(split.canary())) {
            status.setStepStartedAt(engine.now().toString());
            if (in.policy().analysesMetrics()) {
                status.setLastAnalysis(AnalysisSchedule.start(engine.now()));
            }
            engine.enter(Phase.Progressing, "Canary " + status.getCanaryVersion() + " is Ready");
            return progress();
        }
        if (engine.past(status.getRolloutStartedAt(), in.policy().progressDeadline())) {
            return rollBack(RolloutResult.RolledBack, Reasons.PROGRESS_DEADLINE_EXCEEDED, notReady(split.canary()));
        }
        engine.requeueAfter(RolloutEngine.POLL);
        canaryPods().notReadyReason().ifPresent(reason ->
                engine.enter(Phase.Validating, "Waiting for canary " + status.getCanaryVersion() + " to turn Ready: " + reason));
        return topology(0, split);
    }

    private Topology progress() {
        List<Step> steps = in.policy().steps();
        if (in.requests().newPromote(status.getHandledRequests())) {
            status.getHandledRequests().setPromote(in.requests().promote());
            return startPromotion("promoted by the mlrollout.io/promote annotation");
        }
        Topology judged = judgeAnalysis();
        if (judged != null) {
            return judged;
        }
        StepWalk walk = new StepWalk(engine);
        while (status.getCurrentStep() < steps.size()) {
            Step step = steps.get(status.getCurrentStep());
            if (!walk.completes(step)) {
                if (walk.failed() != null) {
                    return rollBack(RolloutResult.RolledBack, walk.failedReason(), walk.failed());
                }
                return currentTopology();
            }
            status.setCurrentStep(status.getCurrentStep() + 1);
            status.setStepStartedAt(engine.now().toString());
        }
        // The last weight must be judged at that weight before the canary takes everything.
        if (in.policy().analysesMetrics() && (walk.weightMoved() || !AnalysisSchedule.passedSince(status, status.getStepStartedAt()))) {
            engine.enter(Phase.Progressing, "All " + steps.size() + " steps done: waiting for a passing analysis at "
                    + status.getCanaryWeight() + "% before promotion");
            return currentTopology();
        }
        return startPromotion("all " + steps.size() + " steps passed");
    }

    /** Records this reconcile's analysis, if one ran; returns the topology when the verdicts end or hold the rollout. */
    private Topology judgeAnalysis() {
        if (in.policy().analysesMetrics()) {
            engine.requeueAfter(Duration.between(engine.now(),
                    AnalysisSchedule.nextRun(status.getLastAnalysis(), in.policy().analysisInterval())));
        }
        AnalysisVerdictHandler handler = new AnalysisVerdictHandler(engine);
        if (analysisCounts && in.observation().analysis().isPresent()) {
            switch (handler.record(in.observation().analysis().get())) {
                case ROLL_BACK:
                    return rollBack(RolloutResult.RolledBack, handler.reason(), handler.detail());
                case PAUSE:
                    return currentTopology();
                default:
                    return null;
            }
        }
        boolean pausedForData = status.getPhase() == Phase.Paused && in.policy().onInconclusive() == InconclusiveAction.PAUSE
                && status.getInconclusiveChecks() != null && status.getInconclusiveChecks() >= in.policy().inconclusiveLimit();
        return pausedForData ? currentTopology() : null;
    }

    /**
     * Time without a policy was time without judgement: when the policy returns, the current step
     * starts again and needs a fresh passing analysis.
     */
    private boolean policyReturned() {
        if (status.getPolicyUnavailableSince() == null) {
            return false;
        }
        status.setPolicyUnavailableSince(null);
        status.setStepStartedAt(engine.now().toString());
        status.setLastAnalysis(in.policy().analysesMetrics() ? AnalysisSchedule.restart(engine.now(), status.getLastAnalysis()) : null);
        return true;
    }

    /**
     * The policy went missing or invalid mid-rollout: hold the weight in effect, with no steps and no
     * analysis, and roll back if no usable policy returns within the progress deadline.
     */
    private Topology withoutPolicy(String problem) {
        if (status.getPolicyUnavailableSince() == null) {
            status.setPolicyUnavailableSince(engine.now().toString());
        }
        Duration deadline = in.policy().progressDeadline();
        if (in.requests().newPromote(status.getHandledRequests())) {
            status.getHandledRequests().setPromote(in.requests().promote());
            return startPromotion("promoted by the mlrollout.io/promote annotation while no RolloutPolicy was usable");
        }
        if (engine.past(status.getPolicyUnavailableSince(), deadline)) {
            return rollBack(RolloutResult.RolledBack, Reasons.POLICY_UNAVAILABLE, problem + "; no usable RolloutPolicy for "
                    + Durations.format(deadline));
        }
        engine.requeueAfter(engine.remaining(status.getPolicyUnavailableSince(), deadline));
        int weight = status.getCanaryWeight() == null ? 0 : status.getCanaryWeight();
        status.setMessage("Holding canary " + status.getCanaryVersion() + " at " + weight + "% without analysis: " + problem
                + "; rolled back at " + java.time.Instant.parse(status.getPolicyUnavailableSince()).plus(deadline)
                + " unless the policy returns");
        engine.degradedWhileRunning(Reasons.POLICY_UNAVAILABLE);
        return topology(weight, in.split(weight));
    }

    /**
     * The current step's pods and weight. A weighted route gives a step's weight only once the
     * canary pods for it are Ready; until then it keeps the previous step's weight, so the pods
     * already serving are not asked to carry the new share alone.
     */
    private Topology currentTopology() {
        int weight = in.policy().weightAfter(status.getCurrentStep() + 1);
        ReplicaSplit split = in.split(weight);
        // A weighted route, and a replica-ratio router at 100% (the canary alone), give the weight
        // regardless of pods: it waits until the pods for it are Ready.
        boolean regardlessOfPods = !in.weightByReplicas() || weight == 100;
        if (regardlessOfPods && !canaryPods().readyWith(split.canary())) {
            return topology(Math.min(weight, in.policy().weightAfter(status.getCurrentStep())), split);
        }
        return topology(weight, split);
    }

    private Topology startPromotion(String why) {
        engine.enter(Phase.Promoting, "Promoting canary " + status.getCanaryVersion() + ": " + why);
        status.setStepStartedAt(engine.now().toString());
        status.setCurrentStep(in.policy().steps().size());
        return promote();
    }

    /**
     * Scale the canary to full size, move all traffic to it, and only then retire the old version.
     * The stable version returns to full size too: until the switch it must be able to take
     * everything back if the canary fails to scale.
     */
    private Topology promote() {
        int replicas = in.replicas();
        // The weight in effect holds while the canary scales: the policy may have changed or gone since.
        int holding = in.observation().effectiveWeight();
        if (!canaryPods().readyWith(replicas)) {
            if (engine.past(status.getStepStartedAt(), in.policy().progressDeadline())) {
                return rollBack(RolloutResult.RolledBack, Reasons.PROGRESS_DEADLINE_EXCEEDED, notReady(replicas));
            }
            engine.requeueAfter(RolloutEngine.POLL);
            return new Topology(new Topology.VersionPlan(status.getStable(), replicas),
                    new Topology.VersionPlan(status.getCanary(), replicas), routable(holding));
        }
        Topology bothAtFullSize = new Topology(new Topology.VersionPlan(status.getStable(), replicas),
                new Topology.VersionPlan(status.getCanary(), replicas), 100);
        if (in.observation().effectiveWeight() < 100) {
            // Nothing to record: the same decision again after a crash, until the routing says 100.
            engine.requeueAfter(RolloutEngine.POLL.dividedBy(2));
            return bothAtFullSize;
        }
        if (status.getDrainingSince() == null) {
            status.setDrainingSince(engine.now().toString());
        }
        if (!engine.past(status.getDrainingSince(), DRAIN_DELAY)) {
            engine.requeueAfter(engine.remaining(status.getDrainingSince(), DRAIN_DELAY));
            return bothAtFullSize;
        }
        ModelRef promoted = status.getCanary();
        History.finish(engine, promoted, RolloutResult.Promoted, status.getMessage());
        engine.event(RolloutEvent.normal(Reasons.PROMOTED, "Version " + promoted.getVersion() + " promoted; version "
                + status.getStableVersion() + " retired"));
        status.setStable(promoted);
        status.setStableVersion(promoted.getVersion());
        engine.clearCanary();
        engine.enter(Phase.Stable, "Version " + promoted.getVersion() + " serves all traffic");
        return Topology.stableOnly(promoted, replicas);
    }

    Topology rollBack(RolloutResult result, String reason, String detail) {
        ModelRef canary = status.getCanary();
        String message = (result == RolloutResult.Aborted ? "Aborted" : "Rolled back") + " version "
                + canary.getVersion() + ": " + detail;
        History.finish(engine, canary, result, reason + ": " + detail);
        engine.event(result == RolloutResult.Aborted ? RolloutEvent.normal(Reasons.ABORTED, message)
                : RolloutEvent.warning(Reasons.ROLLED_BACK, message));
        status.setRejected(canary);
        engine.clearCanary();
        engine.degraded(reason);
        status.setMessage(message);
        status.setPhase(Phase.RolledBack);
        return rolledBackTopology(canary);
    }

    private Topology rolledBack() {
        return rolledBackTopology(status.getRejected());
    }

    // The rejected version keeps its (empty) Deployment so its spec stays inspectable.
    private Topology rolledBackTopology(ModelRef rejected) {
        return new Topology(new Topology.VersionPlan(status.getStable(), in.replicas()),
                new Topology.VersionPlan(rejected, 0), 0);
    }

    private Topology topology(int weight, ReplicaSplit split) {
        status.setCanaryWeight(in.observation().effectiveWeight());
        return new Topology(new Topology.VersionPlan(status.getStable(), split.stable()),
                new Topology.VersionPlan(status.getCanary(), split.canary()), routable(weight));
    }

    /**
     * A replica-ratio router between 0 and 100% sends a canary without Ready pods nothing by
     * itself. A weighted route, or any router at 100%, would send it traffic regardless: then that
     * share stays with the stable version until the canary has Ready pods again.
     */
    private int routable(int weight) {
        boolean regardlessOfPods = !in.weightByReplicas() || weight == 100;
        if (weight == 0 || !regardlessOfPods || canaryPods().readyReplicas() > 0) {
            return weight;
        }
        status.setMessage("Canary " + status.getCanaryVersion() + " has no Ready pods: its " + weight
                + "% stays with the stable version until they are back" + canaryPods().becauseSuffix());
        return 0;
    }

    private VersionObservation canaryPods() {
        return in.observation().pods(status.getCanary());
    }

    private String notReady(int wanted) {
        return "canary pods not Ready within progressDeadline " + Durations.format(in.policy().progressDeadline())
                + " (" + canaryPods().readyReplicas() + " of " + wanted + " Ready)" + canaryPods().becauseSuffix();
    }
}
