package io.mlrollout.operator.rollout;

import io.mlrollout.api.v1alpha1.Durations;
import io.mlrollout.api.v1alpha1.ModelDeploymentStatus;
import io.mlrollout.api.v1alpha1.ModelRef;
import io.mlrollout.api.v1alpha1.Phase;
import io.mlrollout.api.v1alpha1.RolloutResult;

/** The first version of a ModelDeployment: nothing serves yet, so there is nothing to protect or roll back to. */
final class FirstVersion {

    private final RolloutEngine engine;
    private final ModelDeploymentStatus status;

    FirstVersion(RolloutEngine engine) {
        this.engine = engine;
        this.status = engine.status();
    }

    Topology converge(ModelRef desired) {
        if (!desired.equals(status.getStable())) {
            start(desired);
        }
        VersionObservation pods = engine.input().observation().pods(desired);
        int replicas = engine.input().replicas();
        if (pods.readyWith(replicas)) {
            History.finish(engine, desired, RolloutResult.Promoted, "first version Ready");
            engine.event(RolloutEvent.normal(Reasons.AVAILABLE, "Version " + desired.getVersion() + " is Ready and serves all traffic"));
            status.setRolloutStartedAt(null);
            engine.enter(Phase.Stable, "Version " + desired.getVersion() + " serves all traffic");
        } else if (engine.past(status.getRolloutStartedAt(), engine.input().policy().progressDeadline())
                || pods.failure().isPresent()) {
            String why = pods.failure().orElse(pods.readyReplicas() + " of " + replicas + " pods Ready after "
                    + Durations.format(engine.input().policy().progressDeadline()) + pods.becauseSuffix());
            engine.degraded(pods.failure().isPresent() ? Reasons.CANARY_FAILING : Reasons.FIRST_VERSION_FAILED);
            if (status.getPhase() != Phase.Failed) {
                engine.event(RolloutEvent.warning(Reasons.FIRST_VERSION_FAILED, "Version " + desired.getVersion()
                        + " cannot serve: " + why));
            }
            // Keep the pods: the version becomes Stable by itself if they turn Ready later.
            engine.enter(Phase.Failed, "Version " + desired.getVersion() + " cannot serve: " + why);
            engine.requeueAfter(RolloutEngine.POLL.multipliedBy(5));
        } else {
            engine.requeueAfter(RolloutEngine.POLL);
        }
        return Topology.stableOnly(desired, replicas);
    }

    private void start(ModelRef desired) {
        if (status.getStable() != null) {
            History.finish(engine, status.getStable(), RolloutResult.Superseded, "spec.model changed before it was Ready");
        }
        status.setStable(desired);
        status.setStableVersion(desired.getVersion());
        status.setRolloutStartedAt(engine.now().toString());
        engine.enter(Phase.Initializing, "Starting version " + desired.getVersion());
        engine.event(RolloutEvent.normal(Reasons.ROLLOUT_STARTED, "Deploying first version " + desired.getVersion()));
    }
}
