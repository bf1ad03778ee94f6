package io.mlrollout.e2e.cluster;

import io.mlrollout.e2e.cluster.api.SimulatedApiServer;
import io.mlrollout.e2e.cluster.node.ModelServerLauncher;
import io.mlrollout.e2e.cluster.node.NodeEmulator;
import io.mlrollout.e2e.cluster.node.NodeSettings;
import io.mlrollout.e2e.cluster.process.BuiltApplications;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The emulated node beside the simulated API server, where it also plays the Deployment controller and the garbage collector. */
class SimulatedNodeIT extends NodeBehaviour {

    @TempDir
    static Path workDir;
    static SimulatedApiServer api;

    @BeforeAll
    static void start() {
        BuiltApplications apps = BuiltApplications.locate();
        api = SimulatedApiServer.start(apps.crds(), workDir);
        client = api.client();
        node = NodeEmulator.withControllers(client, new ModelServerLauncher(apps.modelServerJar()), workDir, NodeSettings.compressed());
        node.start();
    }

    @AfterAll
    static void stop() {
        node.close();
        api.close();
    }
}
