package io.mlrollout.e2e.cluster.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HumanAgeTest {

    @ParameterizedTest
    @CsvSource({"0, 0s", "45, 45s", "119, 119s", "120, 2m", "200, 3m20s", "900, 15m", "10800, 3h", "11100, 3h5m",
            "86400, 24h", "180000, 2d2h", "864000, 10d", "63072000, 2y", "63158400, 2y1d"})
    void printsAgesLikeKubectl(long seconds, String expected) {
        assertThat(HumanAge.of(Duration.ofSeconds(seconds))).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void missingTimestampsHaveNoAge() {
        assertThat(HumanAge.since(null)).isNull();
        assertThat(HumanAge.since("yesterday")).isEqualTo("<invalid>");
    }
}
