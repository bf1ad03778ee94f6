package io.mlrollout.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;

/**
 * Dynamic batching in the model server. Part of the serving spec, so the canary and the stable
 * version always batch alike and their latencies stay comparable.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BatchingSpec {

    @Min(1)
    @Max(1024)
    @JsonPropertyDescription("Most rows predicted in one engine call; requests arriving together are joined up to this. "
            + "1 turns batching off.")
    private Integer maxBatchSize;

    @Pattern(Durations.PATTERN)
    @JsonPropertyDescription("How long the first request of a batch waits for others, e.g. 2ms; at most 1s. "
            + "Default 0ms: only requests that are already waiting are joined.")
    private String maxDelay;

    public Integer getMaxBatchSize() {
        return maxBatchSize;
    }

    public void setMaxBatchSize(Integer maxBatchSize) {
        this.maxBatchSize = maxBatchSize;
    }

    public String getMaxDelay() {
        return maxDelay;
    }

    public void setMaxDelay(String maxDelay) {
        this.maxDelay = maxDelay;
    }
}
