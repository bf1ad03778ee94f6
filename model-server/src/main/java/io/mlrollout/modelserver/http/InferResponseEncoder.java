package io.mlrollout.modelserver.http;

import io.mlrollout.modelserver.inference.Tensor;
import io.mlrollout.modelserver.inference.TensorData;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Builds an inference response: each output as JSON data or, when the client asked for binary
 * data, as {@code parameters.binary_data_size} bytes appended after the JSON in output order, with
 * the JSON's length in the {@code Inference-Header-Content-Length} response header. Outputs asked
 * for with {@code classification} are replaced by their top classes first.
 */
final class InferResponseEncoder {

    private final JsonResponses json;

    InferResponseEncoder(JsonResponses json) {
        this.json = json;
    }

    /** @param jsonLength present when binary data follows the JSON */
    record EncodedResponse(byte[] body, OptionalInt jsonLength) {}

    EncodedResponse encode(String modelName, String modelVersion, String id, List<Tensor> outputs,
            InferRequestDecoder.DecodedRequest request, Function<String, List<String>> labelsOf) {
        List<V2Messages.OutputTensor> messages = new ArrayList<>(outputs.size());
        ByteArrayOutputStream binary = new ByteArrayOutputStream();
        for (Tensor output : outputs) {
            OutputRequest asked = request.outputs().stream().filter(o -> o.name().equals(output.name())).findFirst()
                    .orElse(OutputRequest.all(output.name()));
            Tensor tensor = asked.classification() > 0
                    ? Classifications.topClasses(output, asked.classification(), labelsOf.apply(output.name()))
                    : output;
            if (asked.binary(request.binaryOutputs())) {
                byte[] bytes = binaryElements(tensor.data());
                binary.writeBytes(bytes);
                messages.add(new V2Messages.OutputTensor(tensor.name(), tensor.type().name(), tensor.shape(),
                        Map.of("binary_data_size", bytes.length), null));
            } else {
                messages.add(new V2Messages.OutputTensor(tensor.name(), tensor.type().name(), tensor.shape(), null, tensor.data()));
            }
        }
        byte[] header = json.bytes(new V2Messages.InferResponse(modelName, modelVersion, id, messages));
        if (messages.stream().allMatch(m -> m.parameters() == null)) {
            return new EncodedResponse(header, OptionalInt.empty());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(header.length + binary.size());
        body.writeBytes(header);
        body.writeBytes(binary.toByteArray());
        return new EncodedResponse(body.toByteArray(), OptionalInt.of(header.length));
    }

    /** The binary data extension's layout: little-endian elements; BYTES as 4-byte length + bytes each. */
    static byte[] binaryElements(TensorData data) {
        if (data.type().isFixedWidth()) {
            ByteBuffer elements = data.littleEndianBytes();
            byte[] bytes = new byte[elements.remaining()];
            elements.get(bytes);
            return bytes;
        }
        int size = data.byteStrings().stream().mapToInt(value -> Integer.BYTES + value.length).sum();
        ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        for (byte[] value : data.byteStrings()) {
            out.putInt(value.length).put(value);
        }
        return out.array();
    }
}
