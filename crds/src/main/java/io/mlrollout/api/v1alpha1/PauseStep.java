package io.mlrollout.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class PauseStep {

    @Pattern(Durations.PATTERN)
    @JsonPropertyDescription("How long to wait, e.g. 30s, 5m, 1h30m. Unset: wait for the mlrollout.io/promote annotation.")
    private String duration;

    public String getDuration() {
        return duration;
    }

    public void setDuration(String duration) {
        this.duration = duration;
    }
}
