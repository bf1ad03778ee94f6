package io.mlrollout.router.server;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.mlrollout.router.kubernetes.InformerRoutingTableSource;
import io.mlrollout.router.routing.RoutingTableSource;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** The composition root: the routing table comes from informers on the ModelDeployment named in the environment. */
@Singleton
public class RouterWiring {

    private static final Logger LOG = Logger.getLogger(RouterWiring.class);

    @Produces
    @Singleton
    RoutingTableSource routingTables(KubernetesClient client, RouterSettings settings) {
        LOG.infof("routing for ModelDeployment %s/%s", settings.namespace(), settings.modelDeployment());
        return new InformerRoutingTableSource(client, settings.namespace(), settings.modelDeployment()).start();
    }

    void close(@Disposes RoutingTableSource source) {
        if (source instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.debugf("closing the routing table source: %s", e);
            }
        }
    }
}
