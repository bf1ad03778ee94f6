package io.mlrollout.operator.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ReplicaSplitTest {

    static Stream<Arguments> replicasAndWeights() {
        return IntStream.rangeClosed(1, 10).boxed()
                .flatMap(n -> IntStream.of(0, 1, 5, 10, 20, 25, 33, 50, 66, 75, 90, 99, 100).mapToObj(w -> Arguments.of(n, w)));
    }

    @ParameterizedTest(name = "{0} replicas at {1}%")
    @MethodSource("replicasAndWeights")
    void replicaRatioKeepsOneStablePodAndPicksTheClosestShare(int replicas, int weight) {
        ReplicaSplit split = ReplicaSplit.byReplicaRatio(replicas, weight);
        if (weight == 100) {
            assertThat(split).as("the stable keeps the capacity to take everything back").isEqualTo(new ReplicaSplit(replicas, replicas));
            return;
        }
        assertThat(split.stable()).as("never below one stable pod before promotion").isGreaterThanOrEqualTo(1);
        assertThat(split.canary()).as("the canary always runs").isGreaterThanOrEqualTo(1);
        if (weight == 0) {
            assertThat(split).isEqualTo(new ReplicaSplit(replicas, 1));
            return;
        }
        if (replicas == 1) {
            assertThat(split).isEqualTo(new ReplicaSplit(1, 1));
            return;
        }
        assertThat(split.stable() + split.canary()).as("no extra pods").isEqualTo(replicas);
        double error = Math.abs(100.0 * split.canary() / replicas - weight);
        for (int canary = 1; canary < replicas; canary++) {
            assertThat(error).as("%d canary pods would be closer", canary)
                    .isLessThanOrEqualTo(Math.abs(100.0 * canary / replicas - weight) + 1e-9);
        }
    }

    @ParameterizedTest(name = "{0} replicas at {1}%")
    @MethodSource("replicasAndWeights")
    void weightedRoutesKeepTheStableAtFullSize(int replicas, int weight) {
        ReplicaSplit split = ReplicaSplit.byWeightedRoute(replicas, weight);
        assertThat(split.stable()).isEqualTo(replicas);
        assertThat(split.canary()).isGreaterThanOrEqualTo(1).isLessThanOrEqualTo(replicas);
        assertThat(split.canary() * 100).isGreaterThanOrEqualTo(replicas * weight);
    }

    @ParameterizedTest
    @CsvSource({"10, 20, 8, 2, 20", "4, 10, 3, 1, 25", "3, 50, 1, 2, 67", "5, 50, 2, 3, 60", "2, 90, 1, 1, 50"})
    void examples(int replicas, int weight, int stable, int canary, int effective) {
        ReplicaSplit split = ReplicaSplit.byReplicaRatio(replicas, weight);
        assertThat(split).isEqualTo(new ReplicaSplit(stable, canary));
        assertThat(split.effectiveWeight()).isEqualTo(effective);
    }

    @ParameterizedTest
    @CsvSource({"0, 10", "3, -1", "3, 101"})
    void rejectsImpossibleArguments(int replicas, int weight) {
        assertThatThrownBy(() -> ReplicaSplit.byReplicaRatio(replicas, weight)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReplicaSplit.byWeightedRoute(replicas, weight)).isInstanceOf(IllegalArgumentException.class);
    }
}
