package io.mlrollout.modelserver.http;

import io.mlrollout.modelserver.metrics.InferenceMetrics.Outcome;
import java.util.OptionalInt;

/**
 * What one inference request is answered with, and how it is counted.
 *
 * @param jsonLength present when binary data follows the JSON (binary data extension)
 * @param predictions rows per class, for the classifier's metric
 */
record InferenceReply(int status, byte[] body, OptionalInt jsonLength, Outcome outcome, long[] predictions) {

    private static final long[] NO_PREDICTIONS = new long[0];

    static InferenceReply error(int status, Outcome outcome, byte[] body) {
        return new InferenceReply(status, body, OptionalInt.empty(), outcome, NO_PREDICTIONS);
    }

    String contentType() {
        return jsonLength.isPresent() ? "application/octet-stream" : "application/json";
    }
}
