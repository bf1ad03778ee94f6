package io.mlrollout.operator;

import io.mlrollout.operator.config.OperatorConfig;
import io.mlrollout.operator.resources.ModelServerDefaults;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The settings an operator instance runs with, free of the configuration framework so tests can build them. */
public record OperatorSettings(ModelServerDefaults modelServer, List<String> watchNamespaces, Duration defaultAnalysisInterval,
                               Optional<LeaderElection> leaderElection) {

    public record LeaderElection(String leaseName, Optional<String> leaseNamespace) {
    }

    public static OperatorSettings from(OperatorConfig config) {
        Optional<LeaderElection> election = config.leaderElection().enabled()
                ? Optional.of(new LeaderElection(config.leaderElection().leaseName(), config.leaderElection().leaseNamespace()))
                : Optional.empty();
        return new OperatorSettings(ModelServerDefaults.from(config.modelServer()),
                config.watchNamespaces().orElse(List.of()).stream().filter(ns -> !ns.isBlank()).toList(),
                config.defaultAnalysisInterval(), election);
    }
}
