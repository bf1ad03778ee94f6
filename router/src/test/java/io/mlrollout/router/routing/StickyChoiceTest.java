package io.mlrollout.router.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class StickyChoiceTest {

    private static final int KEYS = 10_000;

    @Test
    void raisingTheWeightOnlyMovesKeysFromStableToCanary() {
        for (int key = 0; key < 2_000; key++) {
            Role previous = Role.STABLE;
            for (int weight = 0; weight <= 100; weight++) {
                Role now = StickyChoice.choose("user-" + key, "2-0-0-abcde", weight);
                if (previous == Role.CANARY) {
                    assertThat(now).as("user-%d at weight %d", key, weight).isEqualTo(Role.CANARY);
                }
                previous = now;
            }
            assertThat(previous).isEqualTo(Role.CANARY);
        }
    }

    @Test
    void aKeyGetsTheSameVersionEveryTime() {
        Role first = StickyChoice.choose("alice", "2-0-0-abcde", 50);
        for (int i = 0; i < 100; i++) {
            assertThat(StickyChoice.choose("alice", "2-0-0-abcde", 50)).isEqualTo(first);
        }
    }

    @Test
    void theShareOfKeysOnTheCanaryFollowsTheWeight() {
        for (int weight : new int[] {1, 10, 50, 99}) {
            int canary = 0;
            for (int key = 0; key < KEYS; key++) {
                canary += StickyChoice.choose("user-" + key, "2-0-0-abcde", weight) == Role.CANARY ? 1 : 0;
            }
            assertThat(canary / (double) KEYS).as("weight %d", weight).isCloseTo(weight / 100.0, Offset.offset(0.02));
        }
    }

    @Test
    void eachCanaryDrawsItsOwnKeys() {
        Set<String> first = new HashSet<>();
        Set<String> second = new HashSet<>();
        for (int key = 0; key < KEYS; key++) {
            if (StickyChoice.choose("user-" + key, "2-0-0-abcde", 10) == Role.CANARY) {
                first.add("user-" + key);
            }
            if (StickyChoice.choose("user-" + key, "3-0-0-fghij", 10) == Role.CANARY) {
                second.add("user-" + key);
            }
        }
        first.retainAll(second);
        // Independent 10% draws overlap in about 1% of the keys, not in all of them.
        assertThat(first.size()).isBetween(KEYS / 200, KEYS / 50);
    }
}
