package io.mlrollout.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.core.instrument.MeterRegistry;
import io.mlrollout.operator.config.OperatorConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import org.jboss.logging.Logger;

/** Starts the operator with the application and stops it with the application. */
@ApplicationScoped
public class OperatorRuntime {

    private static final Logger LOG = Logger.getLogger(OperatorRuntime.class);

    private final KubernetesClient client;
    private final OperatorConfig config;
    private final MeterRegistry registry;
    private Operator operator;

    public OperatorRuntime(KubernetesClient client, OperatorConfig config, MeterRegistry registry) {
        this.client = client;
        this.config = config;
        this.registry = registry;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("Operator disabled (mlrollout.operator.enabled=false): serving health and metrics only");
            return;
        }
        operator = OperatorFactory.create(client, OperatorSettings.from(config), Clock.systemUTC(), registry);
        operator.start();
        LOG.infof("mlrollout operator started against %s", client.getMasterUrl());
    }

    void onStop(@Observes ShutdownEvent event) {
        if (operator != null) {
            operator.stop();
        }
    }
}
