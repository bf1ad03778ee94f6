package io.mlrollout.modelserver.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlrollout.modelserver.inference.InvalidInputException;
import io.mlrollout.modelserver.inference.TensorData;
import io.mlrollout.modelserver.inference.TensorType;

/**
 * Copies a JSON "data" array (flat, or nested per row) into one primitive array of the declared
 * type, in row-major order, rejecting elements that are not numbers of that type.
 */
final class DataFlattener {

    private final TensorType type;
    private final String label;
    private final Object array;
    private int next;

    private DataFlattener(TensorType type, String label, int length) {
        this.type = type;
        this.label = label;
        this.array = switch (type) {
            case FP32 -> new float[length];
            case FP64 -> new double[length];
            case INT32 -> new int[length];
            case INT64 -> new long[length];
        };
    }

    static TensorData flatten(JsonNode data, TensorType type, String label) {
        if (!data.isArray()) {
            throw new InvalidInputException(label + " \"data\" must be an array");
        }
        DataFlattener flattener = new DataFlattener(type, label, countLeaves(data));
        flattener.copy(data);
        return switch (type) {
            case FP32 -> TensorData.of((float[]) flattener.array);
            case FP64 -> TensorData.of((double[]) flattener.array);
            case INT32 -> TensorData.of((int[]) flattener.array);
            case INT64 -> TensorData.of((long[]) flattener.array);
        };
    }

    private static int countLeaves(JsonNode node) {
        if (!node.isArray()) {
            return 1;
        }
        int count = 0;
        for (JsonNode child : node) {
            count += countLeaves(child);
        }
        return count;
    }

    private void copy(JsonNode node) {
        for (JsonNode child : node) {
            if (child.isArray()) {
                copy(child);
            } else {
                store(child);
            }
        }
    }

    private void store(JsonNode element) {
        int index = next++;
        if (!element.isNumber()) {
            throw new InvalidInputException(label + " data element " + index + " is not a number");
        }
        if (type.isInteger() && !element.isIntegralNumber()) {
            throw new InvalidInputException(label + " has datatype " + type + " but data element " + index + " is not an integer");
        }
        switch (type) {
            case FP32 -> ((float[]) array)[index] = element.floatValue();
            case FP64 -> ((double[]) array)[index] = element.doubleValue();
            case INT32 -> ((int[]) array)[index] = (int) checkedLong(element, index, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case INT64 -> ((long[]) array)[index] = checkedLong(element, index, Long.MIN_VALUE, Long.MAX_VALUE);
        }
    }

    private long checkedLong(JsonNode element, int index, long min, long max) {
        if (!element.canConvertToLong() || element.longValue() < min || element.longValue() > max) {
            throw new InvalidInputException(label + " data element " + index + " is out of range for " + type);
        }
        return element.longValue();
    }
}
