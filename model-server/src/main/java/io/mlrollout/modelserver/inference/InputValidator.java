package io.mlrollout.modelserver.inference;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a request's input tensors against the model's signature before anything reaches the
 * engine, so that every client mistake becomes a message naming the problem rather than an engine
 * error (or a crash inside native code).
 */
final class InputValidator {

    private final ModelSignature signature;

    InputValidator(ModelSignature signature) {
        this.signature = signature;
    }

    void validate(List<Tensor> inputs) {
        if (inputs.isEmpty()) {
            throw new InvalidInputException(
                    "the request has no inputs; the model expects " + signature.inputs());
        }
        Set<String> seen = new HashSet<>();
        for (Tensor input : inputs) {
            if (!seen.add(input.name())) {
                throw new InvalidInputException("input '" + input.name() + "' is given more than once");
            }
            validateOne(input);
        }
        for (TensorSpec spec : signature.inputs()) {
            if (!seen.contains(spec.name())) {
                throw new InvalidInputException(
                        "missing input '" + spec.name() + "'; the model expects " + signature.inputs());
            }
        }
        checkBatchSizesAgree(inputs);
    }

    private void validateOne(Tensor input) {
        TensorSpec spec =
                signature.input(input.name())
                        .orElseThrow(() -> new InvalidInputException(
                                "unknown input '" + input.name() + "'; the model expects "
                                        + signature.inputs()));
        String name = "input '" + input.name() + "'";
        if (input.type() != spec.type()) {
            throw new InvalidInputException(
                    name + " has datatype " + input.type() + " but the model expects " + spec.type());
        }
        long elements = Tensor.elementCount(input.shape());
        if (elements < 0) {
            throw new InvalidInputException(name + " has an invalid shape " + shapeText(input.shape()));
        }
        if (elements != input.data().length()) {
            throw new InvalidInputException(
                    name + " has shape " + shapeText(input.shape()) + ", which holds " + elements
                            + " elements, but " + input.data().length() + " data elements were sent");
        }
        if (!spec.accepts(input.shape())) {
            throw new InvalidInputException(
                    name + " has shape " + shapeText(input.shape()) + " but the model expects "
                            + spec.shapeText() + " (-1 is any size)");
        }
        if (spec.isBatched() && input.shape()[0] == 0) {
            throw new InvalidInputException(
                    name + " is an empty batch (shape " + shapeText(input.shape())
                            + "); send at least one row");
        }
    }

    private void checkBatchSizesAgree(List<Tensor> inputs) {
        long batchSize = -1;
        for (Tensor input : inputs) {
            boolean batched = signature.input(input.name()).map(TensorSpec::isBatched).orElse(false);
            if (!batched) {
                continue;
            }
            if (batchSize >= 0 && input.shape()[0] != batchSize) {
                throw new InvalidInputException(
                        "inputs disagree on the batch size: " + batchSize + " and " + input.shape()[0]);
            }
            batchSize = input.shape()[0];
        }
    }

    static String shapeText(long[] shape) {
        return Arrays.toString(shape).replace(" ", "");
    }
}
