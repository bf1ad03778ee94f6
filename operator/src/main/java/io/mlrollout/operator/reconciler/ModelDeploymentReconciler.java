package io.mlrollout.operator.reconciler;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.mlrollout.api.v1alpha1.ModelDeployment;
import io.mlrollout.api.v1alpha1.RolloutPolicy;
import io.mlrollout.operator.monitoring.OperatorMetrics;
import io.mlrollout.operator.resources.Labels;
import io.mlrollout.operator.resources.ModelServerDefaults;
import io.mlrollout.operator.resources.ResourceApplier;
import io.mlrollout.api.v1alpha1.ModelDeploymentStatus;
import io.mlrollout.operator.metrics.AnalysisRunner;
import io.mlrollout.operator.metrics.AnalysisTarget;
import io.mlrollout.operator.metrics.ModelServerMetricProvider;
import io.mlrollout.operator.metrics.PrometheusMetricProvider;
import io.mlrollout.operator.rollout.AnalysisOutcome;
import io.mlrollout.operator.rollout.Decision;
import io.mlrollout.operator.rollout.Observation;
import io.mlrollout.operator.rollout.ReconcileCycle;
import io.mlrollout.operator.rollout.Topology;
import io.mlrollout.operator.rollout.Reasons;
import io.mlrollout.operator.rollout.RolloutEvent;
import io.mlrollout.operator.rollout.ResolvedPolicy;
import io.mlrollout.operator.rollout.RolloutInput;
import io.mlrollout.operator.rollout.SpecValidator;
import io.mlrollout.operator.traffic.TrafficRouter;
import io.mlrollout.operator.traffic.TrafficRouters;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The thin shell around the rollout engine: observe the cluster, decide (pure), converge the
 * objects, write the status, emit events, and come back when the next step is due.
 */
public final class ModelDeploymentReconciler implements Reconciler<ModelDeployment> {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ModelDeploymentReconciler.class);

    /** Even with nothing to wait for, look again now and then: a missed event must not strand a rollout. */
    static final Duration RESYNC = Duration.ofMinutes(2);

    private final Clock clock;
    private final OperatorMetrics metrics;
    private final ClusterObserver observer;
    private final TrafficRouters routers;
    private final TopologyApplier topologyApplier;
    private final PolicyLookup policies;
    private final StatusWriter statusWriter;
    private final EventRecorder events;
    private final AnalysisRunner analysis;
    private final PodEndpoints podEndpoints;

    public ModelDeploymentReconciler(KubernetesClient client, ModelServerDefaults defaults, Duration defaultInterval,
                                     Clock clock, OperatorMetrics metrics) {
        this.clock = clock;
        this.metrics = metrics;
        ResourceApplier applier = new ResourceApplier(client);
        this.observer = new ClusterObserver(client);
        this.routers = new TrafficRouters(client, applier);
        this.topologyApplier = new TopologyApplier(client, applier, defaults);
        this.policies = new PolicyLookup(defaultInterval);
        this.statusWriter = new StatusWriter();
        this.events = new EventRecorder(client, clock);
        this.analysis = new AnalysisRunner(new ModelServerMetricProvider(), new PrometheusMetricProvider());
        this.podEndpoints = new PodEndpoints(client);
    }

    @Override
    public List<EventSource<?, ModelDeployment>> prepareEventSources(EventSourceContext<ModelDeployment> context) {
        var deployments = InformerEventSourceConfiguration.from(Deployment.class, ModelDeployment.class)
                .withLabelSelector(Labels.MODEL_DEPLOYMENT)
                .build();
        var rolloutPolicies = InformerEventSourceConfiguration.from(RolloutPolicy.class, ModelDeployment.class)
                .withSecondaryToPrimaryMapper((RolloutPolicy policy) -> usersOf(policy, context))
                .withPrimaryToSecondaryMapper((ModelDeployment md) -> PolicyLookup.policyId(md).map(Set::of).orElse(Set.of()))
                .build();
        return List.of(new InformerEventSource<>(deployments, context), new InformerEventSource<>(rolloutPolicies, context));
    }

    private static Set<ResourceID> usersOf(RolloutPolicy policy, EventSourceContext<ModelDeployment> context) {
        return context.getPrimaryCache().list(policy.getMetadata().getNamespace())
                .filter(md -> PolicyLookup.policyId(md).filter(ResourceID.fromResource(policy)::equals).isPresent())
                .map(ResourceID::fromResource)
                .collect(Collectors.toSet());
    }

    @Override
    public UpdateControl<ModelDeployment> reconcile(ModelDeployment md, Context<ModelDeployment> context) {
        List<String> problems = new java.util.ArrayList<>(SpecValidator.nameProblems(md.getMetadata().getName()));
        problems.addAll(SpecValidator.problems(md.getSpec()));
        if (!problems.isEmpty()) {
            return invalidSpec(md, context, problems);
        }
        PolicyLookup.Found policy = policies.find(md, context.getSecondaryResource(RolloutPolicy.class).orElse(null));
        Optional<String> policyProblem = Optional.empty();
        if (!policy.problems().isEmpty()) {
            if (!rolloutInFlight(md.getStatus())) {
                return invalidSpec(md, context, policy.problems());
            }
            // A running canary is not left at its weight indefinitely: the engine holds it, then rolls it back.
            policyProblem = Optional.of(String.join("; ", policy.problems()));
            policy = policies.builtIn();
        }
        TrafficRouter router = routers.forType(SpecValidator.routerOf(md.getSpec()));
        Observation observation = observer.observe(md, context.getSecondaryResources(Deployment.class), router);
        RolloutInput input = new RolloutInput(md.getSpec().getModel(), SpecValidator.replicasOf(md.getSpec()),
                router.weightsByReplicas(), policy.policy(), md.getStatus(), observation, AnnotationRequests.of(md),
                md.getMetadata().getGeneration(), clock.instant(), policyProblem);
        ReconcileCycle.Result result = ReconcileCycle.run(input, new CyclePorts(md, context, policy.policy(), router).ports());
        Decision decision = result.decision();
        metrics.canaryWeight(md.getMetadata().getNamespace(), md.getMetadata().getName(), result.applied().getCanaryWeight());
        return UpdateControl.<ModelDeployment>noUpdate().rescheduleAfter(decision.requeueAfter().orElse(RESYNC));
    }

    /** The cycle's side effects for one ModelDeployment in one reconcile. */
    private final class CyclePorts implements ReconcileCycle.Cluster, ReconcileCycle.Analysis, ReconcileCycle.Statuses,
            ReconcileCycle.Events {

        private final ModelDeployment md;
        private final Context<ModelDeployment> context;
        private final ResolvedPolicy policy;
        private final TrafficRouter router;
        private ModelDeployment written;
        private AnalysisTarget analysed;

        CyclePorts(ModelDeployment md, Context<ModelDeployment> context, ResolvedPolicy policy, TrafficRouter router) {
            this.md = md;
            this.context = context;
            this.policy = policy;
            this.router = router;
            this.written = md;
        }

        ReconcileCycle.Ports ports() {
            return new ReconcileCycle.Ports(this, this, this, this);
        }

        @Override
        public AnalysisOutcome run(ModelDeploymentStatus status) {
            analysed = target(md, status, policy);
            AnalysisOutcome outcome = analysis.run(policy, analysed, status.getLastAnalysis(), clock.instant());
            if (!outcome.startsWindow()) {
                metrics.analysed(outcome.details().getMetrics());
            }
            return outcome;
        }

        @Override
        public void commit() {
            analysis.commit(analysed);
        }

        @Override
        public void startWindow(ModelDeploymentStatus status) {
            analysis.baseline(target(md, status, policy));
        }

        @Override
        public void writeIntent(ModelDeploymentStatus status) {
            written = statusWriter.write(written, DegradedStatus.keepingReconcileError(md.getStatus(), status), context);
        }

        @Override
        public void writeApplied(ModelDeploymentStatus status) {
            written = statusWriter.write(written, status, context);
        }

        @Override
        public void record(RolloutEvent event, ModelDeploymentStatus decided) {
            events.record(md, event);
            metrics.recordEvent(event, DegradedStatus.degradedReason(decided));
        }

        @Override
        public void apply(Topology topology) {
            topologyApplier.apply(md, topology, router);
        }

        @Override
        public int effectiveWeight(ModelDeploymentStatus decided, Observation observation) {
            return router.effectiveWeight(md, decided.getCanary(), observation.pods(decided.getStable()),
                    observation.pods(decided.getCanary()));
        }
    }

    /**
     * A reconcile that threw (the API server refused a write, a CRD is missing, RBAC denies a verb)
     * is reported where users look: Degraded with reason ReconcileError and the server's message,
     * and one Warning Event per distinct message. The framework retries with back-off, bounded.
     */
    @Override
    public ErrorStatusUpdateControl<ModelDeployment> updateErrorStatus(ModelDeployment md, Context<ModelDeployment> context,
                                                                      Exception e) {
        // The status this reconcile wrote before it failed (the framework's cache has it), else the one it started from.
        ModelDeployment latest = context.getPrimaryCache().get(ResourceID.fromResource(md)).orElse(md);
        DegradedStatus.Result result = DegradedStatus.reconcileError(latest, ReconcileErrors.describe(e), clock.instant());
        try {
            statusWriter.write(latest, result.status(), context);
            if (result.newProblem()) {
                events.record(md, RolloutEvent.warning(Reasons.RECONCILE_ERROR, result.message()));
            }
        } catch (RuntimeException writeFailed) {
            LOG.warnf("Cannot report the reconcile error of %s/%s in its status: %s", md.getMetadata().getNamespace(),
                    md.getMetadata().getName(), writeFailed.getMessage());
        }
        return ErrorStatusUpdateControl.noStatusUpdate();
    }

    private static boolean rolloutInFlight(ModelDeploymentStatus status) {
        return status != null && status.getCanary() != null && status.getPhase() != null && !status.getPhase().isTerminal();
    }

    private AnalysisTarget target(ModelDeployment md, ModelDeploymentStatus status, ResolvedPolicy policy) {
        return new AnalysisTarget(md.getMetadata().getNamespace(), md.getMetadata().getName(), md.getSpec().getModel().getName(),
                status.getCanaryVersion(), status.getStableVersion(), podEndpoints.ready(md, status.getCanary()),
                podEndpoints.ready(md, status.getStable()), policy.analysisInterval());
    }

    private UpdateControl<ModelDeployment> invalidSpec(ModelDeployment md, Context<ModelDeployment> context, List<String> problems) {
        DegradedStatus.Result result = DegradedStatus.invalidSpec(md, problems, clock.instant());
        statusWriter.write(md, result.status(), context);
        if (result.newProblem()) {
            events.record(md, RolloutEvent.warning(Reasons.INVALID_SPEC, result.message()));
        }
        return UpdateControl.<ModelDeployment>noUpdate().rescheduleAfter(RESYNC);
    }
}
