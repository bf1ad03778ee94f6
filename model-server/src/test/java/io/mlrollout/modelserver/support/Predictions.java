package io.mlrollout.modelserver.support;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;

/** Reads predicted species out of an infer response, as a client would. */
public final class Predictions {

    private Predictions() {}

    /** Each row's highest-probability label, in the column order of the model's labels.txt. */
    public static List<String> species(String responseBody, String sampleModel) {
        List<Float> scores = JsonPath.from(responseBody).getList("outputs[0].data", Float.class);
        List<String> labels = SampleModels.labels(sampleModel);
        int classes = labels.size();
        List<String> species = new ArrayList<>();
        for (int row = 0; row < scores.size() / classes; row++) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                best = scores.get(row * classes + c) > scores.get(row * classes + best) ? c : best;
            }
            species.add(labels.get(best));
        }
        return species;
    }
}
