package io.mlrollout.e2e.scenarios;

import io.mlrollout.e2e.fixture.SimulatedClusterExtension;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SimulatedClusterExtension.class)
class TrafficSafetyIT implements TrafficSafetyScenario {
}
