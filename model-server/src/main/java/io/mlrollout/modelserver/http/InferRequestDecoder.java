package io.mlrollout.modelserver.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlrollout.modelserver.inference.InvalidInputException;
import io.mlrollout.modelserver.inference.Tensor;
import io.mlrollout.modelserver.inference.TensorData;
import io.mlrollout.modelserver.inference.TensorType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decodes an Open Inference Protocol v2 request body into tensors: plain JSON, or, with the binary
 * data extension, a JSON header of {@code Inference-Header-Content-Length} bytes followed by the
 * inputs' bytes in input order, each input claiming {@code parameters.binary_data_size} of them.
 * JSON data may be flat or nested per row, as clients send both. Checks here are about the message
 * itself; whether the tensors fit the model is the inference layer's job. Parameters this server
 * has no use for (priority, timeout, sequence ids, custom ones) are accepted and ignored. Messages
 * never quote data values.
 */
final class InferRequestDecoder {

    private final ObjectMapper mapper;

    InferRequestDecoder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param outputs the outputs asked for; empty means all, with {@code binaryOutputs} deciding their form
     */
    record DecodedRequest(String id, List<Tensor> inputs, List<OutputRequest> outputs, boolean binaryOutputs) {

        List<String> requestedOutputNames() {
            return outputs.stream().map(OutputRequest::name).toList();
        }
    }

    DecodedRequest decode(byte[] body) {
        return decode(body, null);
    }

    /** @param inferenceHeaderLength the {@code Inference-Header-Content-Length} header, or null */
    DecodedRequest decode(byte[] body, String inferenceHeaderLength) {
        int jsonLength = BinaryBody.jsonLength(inferenceHeaderLength, body.length);
        JsonNode root = parse(body, jsonLength);
        if (!root.isObject()) {
            throw new InvalidInputException("the request body must be a JSON object with \"inputs\"");
        }
        JsonNode inputs = root.get("inputs");
        if (inputs == null || !inputs.isArray()) {
            throw new InvalidInputException("the request needs an \"inputs\" array");
        }
        BinaryBody binary = new BinaryBody(ByteBuffer.wrap(body, jsonLength, body.length - jsonLength));
        List<Tensor> tensors = new ArrayList<>(inputs.size());
        for (JsonNode input : inputs) {
            tensors.add(decodeInput(input, binary));
        }
        binary.requireFullyClaimed();
        JsonNode parameters = Parameters.of(root, "the request");
        return new DecodedRequest(id(root.get("id")), tensors, requestedOutputs(root.get("outputs")),
                Parameters.flag(parameters, "binary_data_output", "the request").orElse(false));
    }

    private JsonNode parse(byte[] body, int length) {
        if (length == 0) {
            throw new InvalidInputException("the request body is empty; send a JSON object with \"inputs\"");
        }
        try {
            return mapper.readTree(body, 0, length);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new InvalidInputException("malformed JSON" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidInputException("unreadable request body: " + e.getMessage());
        }
    }

    private static String id(JsonNode id) {
        if (id == null || id.isNull()) {
            return null;
        }
        if (!id.isTextual()) {
            throw new InvalidInputException("\"id\" must be a string");
        }
        return id.textValue();
    }

    private static Tensor decodeInput(JsonNode input, BinaryBody binary) {
        if (!input.isObject()) {
            throw new InvalidInputException("each entry of \"inputs\" must be an object");
        }
        String name = requiredText(input, "name", "an input");
        String label = "input '" + name + "'";
        String datatype = requiredText(input, "datatype", label);
        TensorType type = TensorType.fromProtocolName(datatype)
                .orElseThrow(() -> new InvalidInputException(label + " has datatype " + datatype
                        + ", which is not an Open Inference Protocol datatype; use one of " + List.of(TensorType.values())));
        long[] shape = shape(input.get("shape"), label);
        Optional<Long> binarySize = Parameters.size(Parameters.of(input, label), "binary_data_size", label);
        JsonNode data = input.get("data");
        if (binarySize.isPresent()) {
            if (data != null) {
                throw new InvalidInputException(label + " has both \"data\" and parameters.binary_data_size; send one");
            }
            return new Tensor(name, shape, BinaryTensorReader.read(binary.claim(binarySize.get(), label), type, label));
        }
        if (data == null) {
            throw new InvalidInputException(label + " has no \"data\" (nor parameters.binary_data_size)");
        }
        TensorData elements = JsonTensorReader.read(data, type, label);
        return new Tensor(name, shape, elements);
    }

    static String requiredText(JsonNode node, String field, String owner) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new InvalidInputException(owner + " needs a string \"" + field + "\"");
        }
        return value.textValue();
    }

    private static long[] shape(JsonNode shape, String label) {
        if (shape == null || !shape.isArray()) {
            throw new InvalidInputException(label + " needs a \"shape\" array");
        }
        long[] dims = new long[shape.size()];
        for (int i = 0; i < dims.length; i++) {
            JsonNode dim = shape.get(i);
            if (!dim.isIntegralNumber() || !dim.canConvertToLong() || dim.longValue() < 0) {
                throw new InvalidInputException(label + " has a shape whose dimensions are not all non-negative integers");
            }
            dims[i] = dim.longValue();
        }
        return dims;
    }

    private static List<OutputRequest> requestedOutputs(JsonNode outputs) {
        if (outputs == null || outputs.isNull()) {
            return List.of();
        }
        if (!outputs.isArray()) {
            throw new InvalidInputException("\"outputs\" must be an array of objects with a \"name\"");
        }
        List<OutputRequest> requests = new ArrayList<>(outputs.size());
        for (JsonNode output : outputs) {
            if (!output.isObject()) {
                throw new InvalidInputException("each entry of \"outputs\" must be an object with a \"name\"");
            }
            String label = "requested output '" + requiredText(output, "name", "each requested output") + "'";
            JsonNode parameters = Parameters.of(output, label);
            long classes = Parameters.size(parameters, "classification", label).orElse(0L);
            if (classes > Integer.MAX_VALUE) {
                throw new InvalidInputException(label + " asks for " + classes + " classifications");
            }
            requests.add(new OutputRequest(output.get("name").textValue(),
                    Parameters.flag(parameters, "binary_data", label), (int) classes));
        }
        return requests;
    }
}
