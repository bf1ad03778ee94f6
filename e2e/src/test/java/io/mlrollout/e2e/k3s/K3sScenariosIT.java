package io.mlrollout.e2e.k3s;

import io.mlrollout.e2e.scenarios.CanaryPromotionScenario;
import io.mlrollout.e2e.scenarios.FirstDeployScenario;
import io.mlrollout.e2e.scenarios.GatewayApiScenario;
import io.mlrollout.e2e.scenarios.KubectlScenario;
import io.mlrollout.e2e.scenarios.LatencyRollbackScenario;
import io.mlrollout.e2e.scenarios.MissingPolicyScenario;
import io.mlrollout.e2e.scenarios.OperatorRestartScenario;
import io.mlrollout.e2e.scenarios.ProgressDeadlineScenario;
import io.mlrollout.e2e.scenarios.SchemaBreakRollbackScenario;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.junit.jupiter.Testcontainers;

/** Every scenario again, on a real k3s. Skipped, with one message, where no Docker engine runs. */
@ExtendWith(K3sSkipNotice.class)
@Testcontainers(disabledWithoutDocker = true)
@ExtendWith(K3sClusterExtension.class)
class K3sScenariosIT implements FirstDeployScenario, CanaryPromotionScenario, SchemaBreakRollbackScenario, LatencyRollbackScenario,
        ProgressDeadlineScenario, OperatorRestartScenario, MissingPolicyScenario, KubectlScenario, GatewayApiScenario {
}
