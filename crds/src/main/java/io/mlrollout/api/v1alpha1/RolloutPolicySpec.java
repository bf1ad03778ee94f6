package io.mlrollout.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "has(self.steps) != has(self.stepWeight)",
        message = "give either steps or the shorthand stepWeight (with maxWeight and interval), exactly one of them")
@ValidationRule(value = "!has(self.stepWeight) || !has(self.maxWeight) || self.stepWeight <= self.maxWeight",
        message = "stepWeight must not be larger than maxWeight")
public class RolloutPolicySpec {

    @Size(min = 1, max = 50)
    @ValidationRule(value = "self.filter(s, has(s.setWeight)).map(s, s.setWeight).isSorted() && "
            + "self.filter(s, has(s.setWeight)).all(s, self.filter(t, has(t.setWeight)).exists_one(t, t.setWeight == s.setWeight))",
            message = "setWeight values must strictly increase from one step to the next")
    @JsonPropertyDescription("The rollout, step by step: setWeight moves traffic, pause waits. "
            + "After the last step the canary is promoted.")
    private List<RolloutStep> steps;

    @Min(1)
    @Max(100)
    @JsonPropertyDescription("Shorthand: raise the canary weight by this much at each step.")
    private Integer stepWeight;

    @Min(1)
    @Max(100)
    @JsonPropertyDescription("Shorthand: the last weight before promotion. Default 100.")
    private Integer maxWeight;

    @Pattern(Durations.PATTERN)
    @JsonPropertyDescription("Shorthand: how long each weight is held, e.g. 30s. Default: the analysis interval.")
    private String interval;

    @JsonPropertyDescription("How the canary is judged while it gets traffic.")
    private AnalysisSpec analysis;

    public List<RolloutStep> getSteps() {
        return steps;
    }

    public void setSteps(List<RolloutStep> steps) {
        this.steps = steps;
    }

    public Integer getStepWeight() {
        return stepWeight;
    }

    public void setStepWeight(Integer stepWeight) {
        this.stepWeight = stepWeight;
    }

    public Integer getMaxWeight() {
        return maxWeight;
    }

    public void setMaxWeight(Integer maxWeight) {
        this.maxWeight = maxWeight;
    }

    public String getInterval() {
        return interval;
    }

    public void setInterval(String interval) {
        this.interval = interval;
    }

    public AnalysisSpec getAnalysis() {
        return analysis;
    }

    public void setAnalysis(AnalysisSpec analysis) {
        this.analysis = analysis;
    }
}
