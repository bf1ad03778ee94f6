package io.mlrollout.operator;

import io.mlrollout.operator.config.OperatorConfig;
import io.mlrollout.operator.resources.ModelServerDefaults;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The settings an operator instance runs with, free of the configuration framework so tests can build them. */
public record OperatorSettings(ModelServerDefaults modelServer, List<String> watchNamespaces, Duration defaultAnalysisInterval,
                               Optional<LeaderElection> leaderElection) {

    /**
     * @param identity the Lease's holder: never shared by two processes that may run at once
     * @param exitOnLoss stop the process when leadership is lost, so Kubernetes restarts it as a follower
     */
    public record LeaderElection(String leaseName, Optional<String> leaseNamespace, String identity, Duration leaseDuration,
                                 Duration renewDeadline, Duration retryPeriod, boolean exitOnLoss) {

        public static LeaderElection standard(String leaseName, Optional<String> leaseNamespace, Map<String, String> env) {
            return new LeaderElection(leaseName, leaseNamespace, identity(env), Duration.ofSeconds(15), Duration.ofSeconds(10),
                    Duration.ofSeconds(2), true);
        }

        /**
         * The pod's name (POD_NAME, from the downward API): a pod's containers never run at once, so a
         * container restarted after a crash or an OOM kill finds the Lease its own and leads again at
         * once, instead of waiting a lease duration for itself. Outside a pod, a name per process.
         */
        static String identity(Map<String, String> env) {
            String podName = env.get("POD_NAME");
            if (podName != null && !podName.isBlank()) {
                return podName;
            }
            return env.getOrDefault("HOSTNAME", "mlrollout-operator") + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        }
    }

    public static OperatorSettings from(OperatorConfig config) {
        Optional<LeaderElection> election = config.leaderElection().enabled()
                ? Optional.of(LeaderElection.standard(config.leaderElection().leaseName(), config.leaderElection().leaseNamespace(),
                        System.getenv()))
                : Optional.empty();
        return new OperatorSettings(ModelServerDefaults.from(config.modelServer()),
                config.watchNamespaces().orElse(List.of()).stream().filter(ns -> !ns.isBlank()).toList(),
                config.defaultAnalysisInterval(), election);
    }
}
