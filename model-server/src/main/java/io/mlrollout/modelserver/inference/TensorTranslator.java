package io.mlrollout.modelserver.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves named tensors into the engine and back out. Inputs are created in the predictor context's
 * manager and outputs are copied to the heap before that context closes, so no native memory
 * escapes a prediction.
 */
final class TensorTranslator implements NoBatchifyTranslator<List<Tensor>, List<Tensor>> {

    @Override
    public NDList processInput(TranslatorContext ctx, List<Tensor> inputs) {
        NDList list = new NDList(inputs.size());
        for (Tensor input : inputs) {
            NDArray array = input.data().toNDArray(ctx.getNDManager(), new Shape(input.shape()));
            array.setName(input.name());
            list.add(array);
        }
        return list;
    }

    @Override
    public List<Tensor> processOutput(TranslatorContext ctx, NDList outputs) {
        List<Tensor> result = new ArrayList<>(outputs.size());
        for (NDArray output : outputs) {
            result.add(new Tensor(output.getName(), output.getShape().getShape(), TensorData.copyOf(output)));
        }
        return result;
    }
}
