package io.mlrollout.modelserver.inference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunningAverageTest {

    private static final long MICRO = 1_000;

    @Test
    void unknownUntilTheFirstSampleThenFollowsTheSamples() {
        RunningAverage average = new RunningAverage();
        assertThat(average.typicalNanos()).isEqualTo(Long.MAX_VALUE);

        average.record(5_000 * MICRO); // a slow first call, as a warm-up is
        for (int i = 0; i < 60; i++) {
            average.record(20 * MICRO);
        }

        assertThat(average.typicalNanos()).isBetween(20 * MICRO, 25 * MICRO);
    }

    @Test
    void aFewPreemptedCallsDoNotMakeAFastModelLookSlow() {
        RunningAverage average = new RunningAverage();
        for (int i = 0; i < 20; i++) {
            average.record(20 * MICRO);
            if (i % 5 == 0) {
                average.record(12_000 * MICRO);
            }
        }
        assertThat(average.typicalNanos()).isLessThan(40 * MICRO);
    }

    @Test
    void aModelThatReallySlowsDownIsSeenWithinAFewDozenCalls() {
        RunningAverage average = new RunningAverage();
        average.record(20 * MICRO);
        for (int i = 0; i < 60; i++) {
            average.record(10_000 * MICRO);
        }
        assertThat(average.typicalNanos()).isGreaterThan(1_000 * MICRO);
    }
}
