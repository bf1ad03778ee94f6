package io.mlrollout.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

/** One step of a rollout: either move traffic or wait. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "has(self.setWeight) != has(self.pause)",
        message = "each step is either setWeight or pause, exactly one of them")
public class RolloutStep {

    @Min(1)
    @Max(100)
    @JsonPropertyDescription("Give the canary this percentage of traffic (1..100).")
    private Integer setWeight;

    @JsonPropertyDescription("Wait: for a duration, or without one until the mlrollout.io/promote annotation is set.")
    private PauseStep pause;

    public RolloutStep() {
    }

    public static RolloutStep weight(int weight) {
        RolloutStep step = new RolloutStep();
        step.setSetWeight(weight);
        return step;
    }

    public static RolloutStep pause(String duration) {
        RolloutStep step = new RolloutStep();
        PauseStep pause = new PauseStep();
        pause.setDuration(duration);
        step.setPause(pause);
        return step;
    }

    public Integer getSetWeight() {
        return setWeight;
    }

    public void setSetWeight(Integer setWeight) {
        this.setWeight = setWeight;
    }

    public PauseStep getPause() {
        return pause;
    }

    public void setPause(PauseStep pause) {
        this.pause = pause;
    }
}
