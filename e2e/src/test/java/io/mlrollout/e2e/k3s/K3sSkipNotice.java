package io.mlrollout.e2e.k3s;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Says once, in words, why the k3s scenarios do not run here. The skipping itself is
 * {@code @Testcontainers(disabledWithoutDocker = true)}; this only explains it.
 */
final class K3sSkipNotice implements ExecutionCondition {

    private static final AtomicBoolean TOLD = new AtomicBoolean();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!DockerClientFactory.instance().isDockerAvailable() && TOLD.compareAndSet(false, true)) {
            System.out.println("[k3s] SKIPPED: no Docker engine on this machine, so no k3s cluster. The same scenarios ran on the"
                    + " control plane built from source (io.mlrollout.e2e.scenarios.*IT); K3sScenariosIT runs them on k3s where Docker exists.");
        }
        return ConditionEvaluationResult.enabled("only explains a skip");
    }
}
