package io.mlrollout.router.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WeightedChoiceTest {

    private static int canaryCount(int requests, int weight) {
        int canary = 0;
        for (int n = 0; n < requests; n++) {
            if (WeightedChoice.choose(n, weight) == Role.CANARY) {
                canary++;
            }
        }
        return canary;
    }

    @Test
    void weightZeroNeverChoosesTheCanaryAndHundredAlwaysDoes() {
        assertThat(canaryCount(10_000, 0)).isZero();
        assertThat(canaryCount(10_000, 100)).isEqualTo(10_000);
    }

    @Test
    void weightOneSendsExactlyOneRequestInEveryHundredAndNinetyNineAllButOne() {
        for (int start = 0; start < 1_000; start += 100) {
            int canary = 0;
            for (int n = start; n < start + 100; n++) {
                canary += WeightedChoice.choose(n, 1) == Role.CANARY ? 1 : 0;
            }
            assertThat(canary).as("requests %d..%d at weight 1", start, start + 99).isEqualTo(1);
        }
        assertThat(canaryCount(1_000, 99)).isEqualTo(990);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 10, 50, 99})
    void theAchievedShareOverTwoThousandRequestsIsWithinTwoHundredthsOfTheWeight(int weight) {
        assertThat(canaryCount(2_000, weight) / 2_000.0).isCloseTo(weight / 100.0, org.assertj.core.data.Offset.offset(0.02));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 10, 33, 50, 67, 99})
    void everyPrefixIsOffByLessThanOneRequest(int weight) {
        int canary = 0;
        for (int n = 0; n < 5_000; n++) {
            canary += WeightedChoice.choose(n, weight) == Role.CANARY ? 1 : 0;
            double expected = (n + 1) * weight / 100.0;
            assertThat(Math.abs(canary - expected)).as("after %d requests at weight %d", n + 1, weight).isLessThan(1.0);
        }
    }

    @Test
    void canaryRequestsAreSpreadOutNotBunched() {
        int lastCanary = -1;
        for (int n = 0; n < 1_000; n++) {
            if (WeightedChoice.choose(n, 10) == Role.CANARY) {
                if (lastCanary >= 0) {
                    assertThat(n - lastCanary).isEqualTo(10);
                }
                lastCanary = n;
            }
        }
    }

    @Test
    void badArgumentsAreRefused() {
        assertThatThrownBy(() -> WeightedChoice.choose(0, 101)).hasMessageContaining("101");
        assertThatThrownBy(() -> WeightedChoice.choose(-1, 10)).hasMessageContaining("-1");
    }
}
