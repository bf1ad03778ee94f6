package io.mlrollout.modelserver.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlrollout.modelserver.inference.InvalidInputException;
import io.mlrollout.modelserver.inference.Tensor;
import io.mlrollout.modelserver.inference.TensorType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes an Open Inference Protocol v2 JSON request body into tensors. Data may be flat or nested
 * per row, as clients send both; it is flattened in row-major order. Checks here are about the JSON
 * itself; whether the tensors fit the model is the inference layer's job. Messages never quote
 * data values.
 */
final class InferRequestDecoder {

    private final ObjectMapper mapper;

    InferRequestDecoder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    record DecodedRequest(String id, List<Tensor> inputs, List<String> requestedOutputs) {}

    DecodedRequest decode(byte[] body) {
        JsonNode root = parse(body);
        if (!root.isObject()) {
            throw new InvalidInputException("the request body must be a JSON object with \"inputs\"");
        }
        JsonNode inputs = root.get("inputs");
        if (inputs == null || !inputs.isArray()) {
            throw new InvalidInputException("the request needs an \"inputs\" array");
        }
        List<Tensor> tensors = new ArrayList<>(inputs.size());
        for (JsonNode input : inputs) {
            tensors.add(decodeInput(input));
        }
        JsonNode id = root.get("id");
        return new DecodedRequest(id != null && id.isTextual() ? id.textValue() : null, tensors,
                requestedOutputs(root.get("outputs")));
    }

    private JsonNode parse(byte[] body) {
        if (body.length == 0) {
            throw new InvalidInputException("the request body is empty; send a JSON object with \"inputs\"");
        }
        try {
            return mapper.readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new InvalidInputException("malformed JSON" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidInputException("unreadable request body: " + e.getMessage());
        }
    }

    private static Tensor decodeInput(JsonNode input) {
        if (!input.isObject()) {
            throw new InvalidInputException("each entry of \"inputs\" must be an object");
        }
        String name = requiredText(input, "name", "an input");
        String label = "input '" + name + "'";
        if (input.path("parameters").has("binary_data_size")) {
            throw new InvalidInputException(label + " uses the binary data extension, which this server does not support");
        }
        String datatype = requiredText(input, "datatype", label);
        TensorType type = TensorType.fromProtocolName(datatype)
                .orElseThrow(() -> new InvalidInputException(label + " has datatype " + datatype
                        + ", which this server does not support; use one of " + TensorType.supportedNames()));
        long[] shape = shape(input.get("shape"), label);
        JsonNode data = input.get("data");
        if (data == null) {
            throw new InvalidInputException(label + " has no \"data\"");
        }
        return new Tensor(name, shape, DataFlattener.flatten(data, type, label));
    }

    private static String requiredText(JsonNode node, String field, String owner) {
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

    private static List<String> requestedOutputs(JsonNode outputs) {
        if (outputs == null || outputs.isNull()) {
            return List.of();
        }
        if (!outputs.isArray()) {
            throw new InvalidInputException("\"outputs\" must be an array of objects with a \"name\"");
        }
        List<String> names = new ArrayList<>(outputs.size());
        for (JsonNode output : outputs) {
            names.add(requiredText(output, "name", "each requested output"));
        }
        return names;
    }
}
