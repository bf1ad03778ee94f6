package io.mlrollout.modelserver.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlrollout.modelserver.inference.HalfFloat;
import io.mlrollout.modelserver.inference.InvalidInputException;
import io.mlrollout.modelserver.inference.TensorData;
import io.mlrollout.modelserver.inference.TensorType;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies a JSON "data" array (flat, or nested per row) into tensor elements of the declared type,
 * in row-major order: numbers in the type's range for numeric types (finite for floating point:
 * the models served here cannot take NaN or infinities, and JSON cannot carry them back), true or
 * false for BOOL, strings for BYTES. Messages name the element's index, never its value.
 */
final class JsonTensorReader {

    private final TensorType type;
    private final String label;
    private int next;

    private JsonTensorReader(TensorType type, String label) {
        this.type = type;
        this.label = label;
    }

    static TensorData read(JsonNode data, TensorType type, String label) {
        if (!data.isArray()) {
            throw new InvalidInputException(label + " \"data\" must be an array");
        }
        List<JsonNode> leaves = new ArrayList<>();
        collectLeaves(data, leaves);
        JsonTensorReader reader = new JsonTensorReader(type, label);
        if (type == TensorType.BYTES) {
            List<byte[]> strings = new ArrayList<>(leaves.size());
            leaves.forEach(leaf -> strings.add(reader.text(leaf)));
            return TensorData.ofBytes(strings);
        }
        ByteBuffer buffer = TensorData.allocate(type, leaves.size());
        leaves.forEach(leaf -> reader.put(leaf, buffer));
        return TensorData.fixedWidth(type, buffer.flip());
    }

    private static void collectLeaves(JsonNode node, List<JsonNode> leaves) {
        for (JsonNode child : node) {
            if (child.isArray()) {
                collectLeaves(child, leaves);
            } else {
                leaves.add(child);
            }
        }
    }

    private byte[] text(JsonNode element) {
        int index = next++;
        if (!element.isTextual()) {
            throw new InvalidInputException(label + " has datatype BYTES but data element " + index + " is not a string");
        }
        return element.textValue().getBytes(StandardCharsets.UTF_8);
    }

    private void put(JsonNode element, ByteBuffer buffer) {
        int index = next++;
        if (type == TensorType.BOOL) {
            if (!element.isBoolean()) {
                throw new InvalidInputException(label + " has datatype BOOL but data element " + index + " is not true or false");
            }
            buffer.put((byte) (element.booleanValue() ? 1 : 0));
            return;
        }
        if (!element.isNumber()) {
            throw new InvalidInputException(label + " data element " + index + " is not a number");
        }
        if (type.isInteger()) {
            putInteger(element, index, buffer);
        } else {
            putFloatingPoint(element.doubleValue(), index, buffer);
        }
    }

    private void putInteger(JsonNode element, int index, ByteBuffer buffer) {
        if (!element.isIntegralNumber()) {
            throw new InvalidInputException(label + " has datatype " + type + " but data element " + index + " is not an integer");
        }
        BigInteger value = element.bigIntegerValue();
        int bits = type.byteSize() * 8;
        BigInteger min = type.isUnsigned() ? BigInteger.ZERO : BigInteger.ONE.shiftLeft(bits - 1).negate();
        BigInteger max = BigInteger.ONE.shiftLeft(type.isUnsigned() ? bits : bits - 1).subtract(BigInteger.ONE);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new InvalidInputException(label + " data element " + index + " is out of range for " + type);
        }
        long bitsValue = value.longValue(); // two's complement low bits: right for signed and unsigned alike
        switch (type.byteSize()) {
            case 1 -> buffer.put((byte) bitsValue);
            case 2 -> buffer.putShort((short) bitsValue);
            case 4 -> buffer.putInt((int) bitsValue);
            default -> buffer.putLong(bitsValue);
        }
    }

    /** Out of range means the value would round to infinity in the type, as 1e39 does in FP32. */
    private void putFloatingPoint(double value, int index, ByteBuffer buffer) {
        boolean finite = switch (type) {
            case FP16 -> Float.isFinite(HalfFloat.toFloat(HalfFloat.fromFloat((float) value)));
            case FP32 -> Float.isFinite((float) value);
            default -> Double.isFinite(value);
        };
        if (!finite) {
            throw new InvalidInputException(label + " data element " + index + " is out of range for " + type);
        }
        switch (type) {
            case FP16 -> buffer.putShort(HalfFloat.fromFloat((float) value));
            case FP32 -> buffer.putFloat((float) value);
            default -> buffer.putDouble(value);
        }
    }
}
