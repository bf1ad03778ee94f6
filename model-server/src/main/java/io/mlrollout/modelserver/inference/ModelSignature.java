package io.mlrollout.modelserver.inference;

import java.util.List;
import java.util.Optional;

/** The inputs and outputs of a loaded model, as its ONNX graph declares them. */
public record ModelSignature(List<TensorSpec> inputs, List<TensorSpec> outputs) {

    public ModelSignature {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    public Optional<TensorSpec> input(String name) {
        return inputs.stream().filter(spec -> spec.name().equals(name)).findFirst();
    }

    public Optional<TensorSpec> output(String name) {
        return outputs.stream().filter(spec -> spec.name().equals(name)).findFirst();
    }
}
