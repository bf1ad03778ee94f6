package io.mlrollout.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OperatorSettingsTest {

    @Test
    void inAPodTheLeaderIdentityIsThePodNameSoARestartedContainerLeadsAgainAtOnce() {
        Map<String, String> env = Map.of("POD_NAME", "mlrollout-operator-7d9f-abcde", "HOSTNAME", "ignored");
        assertThat(OperatorSettings.LeaderElection.identity(env)).isEqualTo("mlrollout-operator-7d9f-abcde");
        assertThat(OperatorSettings.LeaderElection.identity(env)).as("the same after a restart").isEqualTo(OperatorSettings.LeaderElection.identity(env));
    }

    @Test
    void outsideAPodEveryProcessHasItsOwnIdentity() {
        Map<String, String> env = Map.of("HOSTNAME", "laptop");
        String first = OperatorSettings.LeaderElection.identity(env);
        assertThat(first).startsWith("laptop-");
        assertThat(OperatorSettings.LeaderElection.identity(env)).isNotEqualTo(first);
        assertThat(OperatorSettings.LeaderElection.identity(Map.of("POD_NAME", " "))).startsWith("mlrollout-operator-");
    }
}
