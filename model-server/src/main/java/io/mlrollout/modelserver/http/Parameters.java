package io.mlrollout.modelserver.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.mlrollout.modelserver.inference.InvalidInputException;
import java.util.Optional;

/**
 * The protocol's {@code parameters} objects (on the request, on each input and on each requested
 * output): any keys are accepted, and the ones this server acts on are type-checked.
 */
final class Parameters {

    private static final JsonNode NONE = JsonNodeFactory.instance.objectNode();

    private Parameters() {}

    /** The {@code parameters} object of {@code owner}, or an empty one. */
    static JsonNode of(JsonNode node, String owner) {
        JsonNode parameters = node.get("parameters");
        if (parameters == null || parameters.isNull()) {
            return NONE;
        }
        if (!parameters.isObject()) {
            throw new InvalidInputException(owner + " has \"parameters\" that are not an object");
        }
        return parameters;
    }

    static Optional<Boolean> flag(JsonNode parameters, String key, String owner) {
        JsonNode value = parameters.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw new InvalidInputException(owner + " parameter " + key + " must be true or false");
        }
        return Optional.of(value.booleanValue());
    }

    /** A non-negative integer parameter. */
    static Optional<Long> size(JsonNode parameters, String key, String owner) {
        JsonNode value = parameters.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            throw new InvalidInputException(owner + " parameter " + key + " must be a non-negative integer");
        }
        return Optional.of(value.longValue());
    }
}
