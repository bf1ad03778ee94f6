package io.mlrollout.operator;

import io.mlrollout.operator.config.OperatorConfig;
import io.mlrollout.operator.resources.ModelServerDefaults;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The settings an operator instance runs with, free of the configuration framework so tests can build them. */
public record OperatorSettings(ModelServerDefaults modelServer, List<String> watchNamespaces, Duration defaultAnalysisInterval,
                               Optional<LeaderElection> leaderElection) {

    /**
     * @param identity unique per operator process: the Lease's holder
     * @param exitOnLoss stop the process when leadership is lost, so Kubernetes restarts it as a follower
     */
    public record LeaderElection(String leaseName, Optional<String> leaseNamespace, String identity, Duration leaseDuration,
                                 Duration renewDeadline, Duration retryPeriod, boolean exitOnLoss) {

        public static LeaderElection standard(String leaseName, Optional<String> leaseNamespace) {
            String host = System.getenv().getOrDefault("POD_NAME", System.getenv().getOrDefault("HOSTNAME", "mlrollout-operator"));
            return new LeaderElection(leaseName, leaseNamespace, host + "-" + java.util.UUID.randomUUID().toString().substring(0, 8),
                    Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(2), true);
        }
    }

    public static OperatorSettings from(OperatorConfig config) {
        Optional<LeaderElection> election = config.leaderElection().enabled()
                ? Optional.of(LeaderElection.standard(config.leaderElection().leaseName(), config.leaderElection().leaseNamespace()))
                : Optional.empty();
        return new OperatorSettings(ModelServerDefaults.from(config.modelServer()),
                config.watchNamespaces().orElse(List.of()).stream().filter(ns -> !ns.isBlank()).toList(),
                config.defaultAnalysisInterval(), election);
    }
}
