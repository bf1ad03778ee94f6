package io.mlrollout.operator.rollout;

import io.mlrollout.api.v1alpha1.HandledRequests;
import io.mlrollout.api.v1alpha1.ModelDeploymentStatus;
import io.mlrollout.api.v1alpha1.ModelRef;
import io.mlrollout.api.v1alpha1.Phase;
import io.mlrollout.api.v1alpha1.RolloutResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides the next state of a rollout from the spec, the policy, the last status and one
 * observation of the cluster. Pure: the same input always gives the same decision.
 */
public final class RolloutEngine {

    /** How soon to look again while waiting for pods; Deployment events usually come sooner. */
    static final Duration POLL = Duration.ofSeconds(2);

    private final RolloutInput in;
    private final ModelDeploymentStatus status;
    private final List<RolloutEvent> events = new ArrayList<>();
    private Duration requeue;
    private String degradedReason;
    private boolean degradedWhileRunning;

    private RolloutEngine(RolloutInput in) {
        this.in = in;
        this.status = StatusCopy.of(in.status());
    }

    public static Decision decide(RolloutInput in) {
        return new RolloutEngine(in).run();
    }

    private Decision run() {
        status.setObservedGeneration(in.generation());
        status.setTotalSteps(in.policy().steps().size());
        if (status.getHandledRequests() == null) {
            status.setHandledRequests(new HandledRequests());
        }
        ModelRef desired = ModelRef.of(in.desired());
        Topology topology;
        if (status.getStable() == null || status.getPhase() == Phase.Initializing || status.getPhase() == Phase.Failed) {
            topology = new FirstVersion(this).converge(desired);
        } else if (desired.equals(status.getStable())) {
            topology = settleOnStable();
        } else {
            topology = new CanaryRollout(this).converge(desired);
        }
        if (status.getCanary() == null) {
            status.setCanaryWeight(0);
        }
        markStaleRequestsHandled();
        StatusConditions.apply(status, in, topology, degradedReason, degradedWhileRunning);
        return new Decision(topology, status, events, Optional.ofNullable(requeue));
    }

    private Topology settleOnStable() {
        if (status.getCanary() != null) {
            History.finish(this, status.getCanary(), RolloutResult.Superseded,
                    "spec.model names the stable version " + status.getStableVersion() + " again");
            event(RolloutEvent.normal(Reasons.SUPERSEDED, "Canary " + status.getCanaryVersion()
                    + " removed: spec.model names the stable version again"));
            clearCanary();
        }
        status.setRejected(null);
        enter(Phase.Stable, "Version " + status.getStableVersion() + " serves all traffic");
        return Topology.stableOnly(status.getStable(), in.replicas());
    }

    // Requests that arrive when nothing can act on them are recorded, so that a forgotten
    // annotation does not fire much later in another rollout.
    private void markStaleRequestsHandled() {
        HandledRequests handled = status.getHandledRequests();
        if (in.requests().newPromote(handled)) {
            handled.setPromote(in.requests().promote());
        }
        if (in.requests().newAbort(handled)) {
            handled.setAbort(in.requests().abort());
        }
        if (in.requests().newRetry(handled)) {
            handled.setRetry(in.requests().retry());
        }
    }

    // --- shared by the phase handlers -------------------------------------------------------

    RolloutInput input() {
        return in;
    }

    ModelDeploymentStatus status() {
        return status;
    }

    Instant now() {
        return in.now();
    }

    void event(RolloutEvent event) {
        events.add(event);
    }

    void requeueAfter(Duration after) {
        Duration bounded = after.compareTo(Duration.ofMillis(100)) < 0 ? Duration.ofMillis(100) : after;
        if (requeue == null || bounded.compareTo(requeue) < 0) {
            requeue = bounded;
        }
    }

    void degraded(String reason) {
        degradedReason = reason;
    }

    /** Degraded while the rollout still runs: something needs a person before it can go on. */
    void degradedWhileRunning(String reason) {
        degradedReason = reason;
        degradedWhileRunning = true;
    }

    void enter(Phase phase, String message) {
        status.setPhase(phase);
        status.setMessage(message);
    }

    void clearCanary() {
        status.setCanary(null);
        status.setCanaryVersion(null);
        status.setCanaryWeight(0);
        status.setCurrentStep(null);
        status.setStepStartedAt(null);
        status.setRolloutStartedAt(null);
        status.setFailedChecks(null);
        status.setInconclusiveChecks(null);
        status.setPolicySteps(null);
        status.setPolicyUnavailableSince(null);
        status.setDrainingSince(null);
    }

    boolean past(String since, Duration limit) {
        return since != null && !now().isBefore(Instant.parse(since).plus(limit));
    }

    Duration remaining(String since, Duration limit) {
        return Duration.between(now(), Instant.parse(since).plus(limit));
    }
}
