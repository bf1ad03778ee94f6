package io.mlrollout.operator.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlrollout.api.v1alpha1.InconclusiveAction;
import io.mlrollout.api.v1alpha1.ModelDeploymentStatus;
import io.mlrollout.api.v1alpha1.ModelRef;
import io.mlrollout.api.v1alpha1.Phase;
import io.mlrollout.api.v1alpha1.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random sequences of what can happen to a rollout (time, verdicts, pods that turn unready or
 * crash, policy edits and deletions, promote, abort and retry requests, new versions, operator
 * crashes at any point of the reconcile cycle) must never break the traffic invariants. The
 * status goes through JSON between every two decisions, as through the API server.
 */
class TrafficInvariantProperties {

    static final Duration INTERVAL = Duration.ofSeconds(10);

    static ResolvedPolicy policy(boolean judged, Step... steps) {
        return new ResolvedPolicy(List.of(steps), INTERVAL, 2, 50, 3, InconclusiveAction.ROLLBACK, Duration.ofMinutes(2),
                judged ? PolicyDefaults.metrics() : List.of());
    }

    static final List<ResolvedPolicy> POLICIES = List.of(
            policy(true, new Step.SetWeight(20), Step.Pause.of(Duration.ofSeconds(30)), new Step.SetWeight(50), Step.Pause.of(Duration.ofSeconds(30))),
            policy(true, new Step.SetWeight(50), Step.Pause.of(Duration.ofSeconds(20)), new Step.SetWeight(100), Step.Pause.of(Duration.ofSeconds(20))),
            policy(true, new Step.SetWeight(10)),
            policy(false, new Step.SetWeight(30), Step.Pause.of(Duration.ofSeconds(20)), new Step.SetWeight(60), Step.Pause.untilPromoted()),
            policy(true, new Step.SetWeight(5), Step.Pause.of(Duration.ofSeconds(10)), new Step.SetWeight(25), Step.Pause.of(Duration.ofSeconds(10)),
                    new Step.SetWeight(75), Step.Pause.of(Duration.ofSeconds(10))));

    /** One thing that happens between reconciles. */
    interface Event {
        void happen(TestingCluster cluster);
    }

    record Wait(int seconds) implements Event {
        public void happen(TestingCluster cluster) {
            cluster.advance(Duration.ofSeconds(seconds));
        }
    }

    record Verdicts(Verdict verdict) implements Event {
        public void happen(TestingCluster cluster) {
            cluster.analysis(verdict);
        }
    }

    record CanaryUnready() implements Event {
        public void happen(TestingCluster cluster) {
            canary(cluster).ifPresent(c -> cluster.podsNeverReady(c.getVersion()));
        }
    }

    record CanaryReady() implements Event {
        public void happen(TestingCluster cluster) {
            canary(cluster).ifPresent(c -> cluster.podsBecomeReady(c.getVersion()));
        }
    }

    record CanaryCrashes() implements Event {
        public void happen(TestingCluster cluster) {
            canary(cluster).ifPresent(c -> cluster.podsFail(c.getVersion(), "CrashLoopBackOff"));
        }
    }

    record EditPolicy(int index) implements Event {
        public void happen(TestingCluster cluster) {
            cluster.policy(POLICIES.get(index));
        }
    }

    record PolicyGone() implements Event {
        public void happen(TestingCluster cluster) {
            cluster.policyUnavailable("RolloutPolicy 'p' not found");
        }
    }

    /** A promote, abort or retry annotation with a new value. */
    record Ask(String what, int id) implements Event {
        public void happen(TestingCluster cluster) {
            String value = "r" + id;
            cluster.request(new Requests(what.equals("promote") ? value : null, what.equals("abort") ? value : null,
                    what.equals("retry") ? value : null));
        }
    }

    record NewVersion(String version) implements Event {
        public void happen(TestingCluster cluster) {
            cluster.desire(version);
        }
    }

    /** The operator dies in the middle of a reconcile: after its intent, after changing the cluster, or after its last status write. */
    record Crash(TestingCluster.CrashPoint point) implements Event {
        public void happen(TestingCluster cluster) {
            cluster.crash(point);
        }
    }

    @Provide
    Arbitrary<List<Event>> histories() {
        Arbitrary<Event> event = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.integers().between(1, 40).map(s -> (Event) new Wait(s))),
                net.jqwik.api.Tuple.of(3, Arbitraries.of(Verdict.class).map(v -> (Event) new Verdicts(v))),
                net.jqwik.api.Tuple.of(1, Arbitraries.just((Event) new CanaryUnready())),
                net.jqwik.api.Tuple.of(2, Arbitraries.just((Event) new CanaryReady())),
                net.jqwik.api.Tuple.of(1, Arbitraries.just((Event) new CanaryCrashes())),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0, POLICIES.size() - 1).map(i -> (Event) new EditPolicy(i))),
                net.jqwik.api.Tuple.of(1, Arbitraries.just((Event) new PolicyGone())),
                net.jqwik.api.Tuple.of(2, Combinators.combine(Arbitraries.of("promote", "abort", "retry"), Arbitraries.integers()
                        .between(1, 1_000_000)).as((a, id) -> (Event) new Ask(a, id))),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("2.0.0", "3.0.0", "1.0.0").map(v -> (Event) new NewVersion(v))),
                net.jqwik.api.Tuple.of(3, Arbitraries.of(TestingCluster.CrashPoint.class).map(p -> (Event) new Crash(p))));
        return event.list().ofMinSize(5).ofMaxSize(60);
    }

    @Provide
    Arbitrary<Setup> setups() {
        return Combinators.combine(Arbitraries.integers().between(1, 6), Arbitraries.of(true, false),
                Arbitraries.integers().between(0, POLICIES.size() - 1)).as(Setup::new);
    }

    record Setup(int replicas, boolean weightByReplicas, int policy) {
    }

    @Property(tries = 400)
    void theTrafficInvariantsHoldWhateverHappens(@ForAll("setups") Setup setup, @ForAll("histories") List<Event> history) {
        TestingCluster cluster = new TestingCluster(POLICIES.get(setup.policy()), setup.replicas(), setup.weightByReplicas())
                .desire("1.0.0").analysis(Verdict.Pass);
        cluster.settle();
        cluster.desire("2.0.0");
        List<String> log = new ArrayList<>();
        for (Event event : history) {
            log.add(event.toString());
            Phase phaseBefore = cluster.status().getPhase();
            event.happen(cluster);
            if (event instanceof Crash) {
                continue;
            }
            String stableBefore = stableVersion(cluster);
            for (int i = 0; i < 5; i++) {
                cluster.reconcile();
                check(cluster, setup, log);
            }
            // Pods can turn unready between an observation and the change it leads to: by the
            // following reconcile, which observes them, traffic must have left them.
            checkTrafficFollowsReadyPods(cluster, log);
            // Once promotion has begun, the steps no longer matter; before that, an edit alone never promotes.
            if (event instanceof EditPolicy && phaseBefore != Phase.Promoting) {
                assertThat(stableVersion(cluster)).as("an edit alone never promotes: %s (phase before: %s, now %s: %s)", log,
                        phaseBefore, cluster.status().getPhase(), cluster.status().getMessage()).isEqualTo(stableBefore);
            }
        }
    }

    private static void check(TestingCluster cluster, Setup setup, List<String> log) {
        ModelDeploymentStatus status = cluster.status();
        Topology topology = cluster.last().topology();
        String context = "after " + log + "\nstatus: " + status.getPhase() + " " + status.getMessage() + "\ntopology: " + topology
                + "\npods: " + cluster.pods();
        int weight = cluster.effectiveWeight();
        if (topology.stable() != null && weight < 100 && status.getPhase() != Phase.Initializing && status.getPhase() != Phase.Failed) {
            assertThat(topology.stable().replicas()).as("the stable version keeps pods while it has traffic; " + context).isPositive();
        }
        if (status.getCanary() != null) {
            assertThat(topology.stable().replicas()).as("the stable can take everything back; " + context).isPositive();
            if (topology.canaryWeight() == 100 || weight == 100) {
                assertThat(topology.stable().replicas()).as("at 100% the stable keeps all its pods; " + context).isEqualTo(setup.replicas());
            }
        }
        if (status.getPhase() == Phase.RolledBack) {
            assertThat(topology.canaryWeight()).as("a rollback moves all traffic back; " + context).isZero();
            assertThat(topology.stable().replicas()).as("a rollback restores the stable's capacity; " + context).isEqualTo(setup.replicas());
            assertThat(weight).as(context).isZero();
        }
    }

    private static void checkTrafficFollowsReadyPods(TestingCluster cluster, List<String> log) {
        Topology topology = cluster.last().topology();
        if (topology.canary() != null && cluster.effectiveWeight() > 0) {
            assertThat(ready(cluster, topology.canary().model())).as("traffic only to a canary with Ready pods; after %s\nstatus: %s %s"
                    + "\ntopology: %s\npods: %s", log, cluster.status().getPhase(), cluster.status().getMessage(), topology, cluster.pods())
                    .isPositive();
        }
    }

    private static int ready(TestingCluster cluster, ModelRef model) {
        VersionObservation pods = cluster.pods().get(model);
        return pods == null ? 0 : pods.readyReplicas();
    }

    private static java.util.Optional<ModelRef> canary(TestingCluster cluster) {
        return java.util.Optional.ofNullable(cluster.status().getCanary());
    }

    private static String stableVersion(TestingCluster cluster) {
        return cluster.status().getStableVersion();
    }
}
