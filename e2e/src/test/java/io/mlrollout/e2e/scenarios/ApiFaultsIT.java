package io.mlrollout.e2e.scenarios;

import io.mlrollout.e2e.fixture.ControlPlaneClusterExtension;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ControlPlaneClusterExtension.class)
class ApiFaultsIT implements ApiFaultsScenario {
}
