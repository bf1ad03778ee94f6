package io.mlrollout.modelserver.http;

import io.mlrollout.modelserver.inference.InvalidInputException;
import io.mlrollout.modelserver.inference.TensorData;
import io.mlrollout.modelserver.inference.TensorType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one input's bytes from the binary data extension: fixed-width types as little-endian
 * elements, BYTES as elements each preceded by a 4-byte little-endian length. The same element
 * checks as JSON input apply: BOOL bytes are 0 or 1, floating-point elements are finite.
 */
final class BinaryTensorReader {

    private BinaryTensorReader() {}

    static TensorData read(ByteBuffer bytes, TensorType type, String label) {
        ByteBuffer data = bytes.slice().order(ByteOrder.LITTLE_ENDIAN);
        if (type == TensorType.BYTES) {
            return TensorData.ofBytes(byteStrings(data, label));
        }
        if (data.remaining() % type.byteSize() != 0) {
            throw new InvalidInputException(label + " has " + data.remaining() + " bytes of binary data, not a whole number of "
                    + type.byteSize() + "-byte " + type + " elements");
        }
        TensorData tensor = TensorData.fixedWidth(type, data);
        if (type == TensorType.BOOL) {
            for (int i = 0; i < tensor.length(); i++) {
                if (data.get(i) > 1 || data.get(i) < 0) {
                    throw new InvalidInputException(label + " has datatype BOOL but binary element " + i + " is neither 0 nor 1");
                }
            }
        }
        int nonFinite = tensor.firstNonFinite();
        if (nonFinite >= 0) {
            throw new InvalidInputException(label + " binary element " + nonFinite + " is NaN or infinite, which the model cannot take");
        }
        return tensor;
    }

    private static List<byte[]> byteStrings(ByteBuffer data, String label) {
        List<byte[]> values = new ArrayList<>();
        while (data.hasRemaining()) {
            int index = values.size();
            if (data.remaining() < Integer.BYTES) {
                throw new InvalidInputException(label + " BYTES element " + index + " is cut off inside its 4-byte length");
            }
            long length = Integer.toUnsignedLong(data.getInt());
            if (length > data.remaining()) {
                throw new InvalidInputException(label + " BYTES element " + index + " declares " + length
                        + " bytes but only " + data.remaining() + " remain in its binary data");
            }
            byte[] value = new byte[(int) length];
            data.get(value);
            requireUtf8(value, label, index);
            values.add(value);
        }
        return values;
    }

    /** ONNX Runtime's Java API holds string tensors as Java strings: other bytes would be silently altered. */
    private static void requireUtf8(byte[] value, String label, int index) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value));
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(label + " BYTES element " + index + " is not UTF-8 text, which this engine requires");
        }
    }
}
