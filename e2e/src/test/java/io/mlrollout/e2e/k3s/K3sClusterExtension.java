package io.mlrollout.e2e.k3s;

import io.mlrollout.e2e.cluster.Cluster;
import io.mlrollout.e2e.fixture.ClusterExtension;
import java.nio.file.Path;

/** Runs scenarios on k3s, started once for the whole run; needs a Docker engine. */
public final class K3sClusterExtension extends ClusterExtension {

    @Override
    protected Cluster startCluster() {
        return K3sCluster.start(Path.of("target", "k3s-cluster").toAbsolutePath(), System.getProperty("mlrollout.version", "0.1.0-SNAPSHOT"));
    }
}
