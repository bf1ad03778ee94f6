package io.mlrollout.e2e.cluster.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodeSettingsTest {

    @ParameterizedTest
    @CsvSource({"1, 1", "2, 2", "3, 4", "4, 4", "40, 4"})
    void crashBackOffDoublesUpToItsCap(int restarts, long seconds) {
        assertThat(NodeSettings.compressed().backOffAfter(restarts)).isEqualTo(Duration.ofSeconds(seconds));
    }
}
