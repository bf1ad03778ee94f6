package io.mlrollout.operator.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Operator settings from application.properties, each overridable by environment (MLROLLOUT_...). */
@ConfigMapping(prefix = "mlrollout")
public interface OperatorConfig {

    /** False serves health and metrics only: for tests and tools that bring no API server. */
    @WithName("operator.enabled")
    @WithDefault("true")
    boolean enabled();

    ModelServer modelServer();

    /** Namespaces to watch; empty means all. */
    Optional<List<String>> watchNamespaces();

    /** Analysis interval of policies that set none. */
    @WithDefault("30s")
    Duration defaultAnalysisInterval();

    LeaderElection leaderElection();

    interface ModelServer {
        /** Image of model-server pods when a ModelDeployment names none. */
        String image();

        @WithDefault("8080")
        int port();

        @WithDefault("100m")
        String cpuRequest();

        @WithDefault("256Mi")
        String memoryRequest();

        @WithDefault("512Mi")
        String memoryLimit();
    }

    interface LeaderElection {
        @WithDefault("false")
        boolean enabled();

        @WithDefault("mlrollout-operator")
        String leaseName();

        /** Namespace of the Lease; the operator's own namespace when running in a cluster. */
        Optional<String> leaseNamespace();
    }
}
