package io.mlrollout.operator.rollout;

import java.time.Duration;
import java.util.Optional;

/** One resolved step of a rollout policy. */
public sealed interface Step {

    /** Give the canary this share of traffic, in percent. */
    record SetWeight(int weight) implements Step {
        public SetWeight {
            if (weight < 1 || weight > 100) {
                throw new IllegalArgumentException("weight must be 1..100, was " + weight);
            }
        }
    }

    /** Wait for the duration, or, when it is empty, until a person asks to promote. */
    record Pause(Optional<Duration> duration) implements Step {
        public static Pause untilPromoted() {
            return new Pause(Optional.empty());
        }

        public static Pause of(Duration duration) {
            return new Pause(Optional.of(duration));
        }
    }
}
