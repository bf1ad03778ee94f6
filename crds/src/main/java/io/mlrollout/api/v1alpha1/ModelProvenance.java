package io.mlrollout.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Map;

/** Where a model came from; copied into the rollout history so each version explains itself. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ModelProvenance {

    @JsonPropertyDescription("Training data set, e.g. a path or a data-set version.")
    private String trainingData;

    @JsonPropertyDescription("Hyperparameters used to train the model.")
    private Map<String, String> hyperparameters;

    @JsonPropertyDescription("Offline evaluation metrics, e.g. auc: 0.91.")
    private Map<String, Double> metrics;

    public String getTrainingData() {
        return trainingData;
    }

    public void setTrainingData(String trainingData) {
        this.trainingData = trainingData;
    }

    public Map<String, String> getHyperparameters() {
        return hyperparameters;
    }

    public void setHyperparameters(Map<String, String> hyperparameters) {
        this.hyperparameters = hyperparameters;
    }

    public Map<String, Double> getMetrics() {
        return metrics;
    }

    public void setMetrics(Map<String, Double> metrics) {
        this.metrics = metrics;
    }
}
