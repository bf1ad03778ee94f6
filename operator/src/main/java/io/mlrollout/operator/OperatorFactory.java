package io.mlrollout.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import io.micrometer.core.instrument.MeterRegistry;
import io.mlrollout.operator.monitoring.OperatorMetrics;
import io.mlrollout.operator.reconciler.ModelDeploymentReconciler;
import java.time.Clock;
import java.util.HashSet;

/**
 * Builds the Java Operator SDK operator. Server-side apply is off everywhere: updates are plain
 * PUTs with resourceVersion (optimistic concurrency), which every API server supports.
 */
public final class OperatorFactory {

    static final java.time.Duration MAX_RETRY_INTERVAL = java.time.Duration.ofMinutes(1);

    private OperatorFactory() {
    }

    public static Operator create(KubernetesClient client, OperatorSettings settings, Clock clock, MeterRegistry registry) {
        Operator operator = new Operator(o -> {
            o.withKubernetesClient(client)
                    .withCloseClientOnStop(false)
                    .withUseSSAToPatchPrimaryResource(false)
                    .withSSABasedCreateUpdateMatchForDependentResources(false)
                    .withMetrics(MicrometerMetrics.withoutPerResourceMetrics(registry));
            settings.leaderElection().ifPresent(election -> o.withLeaderElectionConfiguration(new LeaderElectionConfiguration(
                    election.leaseName(), election.leaseNamespace().orElse(null), election.leaseDuration(), election.renewDeadline(),
                    election.retryPeriod(), election.identity(), null, election.exitOnLoss())));
        });
        var reconciler = new ModelDeploymentReconciler(client, settings.modelServer(), settings.defaultAnalysisInterval(),
                clock, new OperatorMetrics(registry));
        operator.register(reconciler, override -> {
            // Annotations (promote, abort, retry) do not change the generation: every change must reconcile.
            override.withGenerationAware(false);
            // A failing reconcile is retried for as long as it fails, at most a minute apart: a
            // rollout must never be left unattended because an API call failed five times.
            override.withRetry(GenericRetry.defaultLimitedExponentialRetry().withoutMaxAttempts()
                    .setMaxInterval(MAX_RETRY_INTERVAL.toMillis()));
            if (!settings.watchNamespaces().isEmpty()) {
                override.settingNamespaces(new HashSet<>(settings.watchNamespaces()));
            }
        });
        return operator;
    }
}
