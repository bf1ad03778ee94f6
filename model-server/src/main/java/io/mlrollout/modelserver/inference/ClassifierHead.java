package io.mlrollout.modelserver.inference;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Recognises a classifier (first output shaped [batch, classes]) and counts its argmax classes, so
 * that canary and stable can be compared by what they predict. The label list is fixed at load
 * time, which keeps the metric's label values bounded.
 */
public record ClassifierHead(String outputName, List<String> labels) {

    /** Models with more columns than this are not treated as classifiers: one series per class would explode. */
    static final int MAX_CLASSES = 1000;

    static Optional<ClassifierHead> detect(ModelSignature signature, Optional<List<String>> labels)
            throws ModelLoadException {
        if (signature.outputs().isEmpty()) {
            return Optional.empty();
        }
        TensorSpec first = signature.outputs().get(0);
        long[] shape = first.shape();
        boolean scores = first.type() != TensorType.BYTES && first.type() != TensorType.BOOL;
        boolean classifierShape = scores && shape.length == 2 && shape[1] >= 2 && shape[1] <= MAX_CLASSES;
        if (!classifierShape) {
            return Optional.empty();
        }
        int classes = (int) shape[1];
        if (labels.isPresent() && labels.get().size() != classes) {
            throw new ModelLoadException(
                    "labels.txt has " + labels.get().size() + " labels but output '" + first.name()
                            + "' has " + classes + " classes");
        }
        List<String> names = labels.orElseGet(() -> IntStream.range(0, classes).mapToObj(Integer::toString).toList());
        return Optional.of(new ClassifierHead(first.name(), List.copyOf(names)));
    }

    /** Per class, how many rows of {@code outputs} have it as their highest score. */
    long[] countPredictions(List<Tensor> outputs) {
        long[] counts = new long[labels.size()];
        Tensor scores = outputs.stream().filter(t -> t.name().equals(outputName)).findFirst().orElse(null);
        if (scores == null) {
            return counts;
        }
        int classes = labels.size();
        int rows = scores.data().length() / classes;
        for (int row = 0; row < rows; row++) {
            counts[argmax(scores.data(), row * classes, classes)]++;
        }
        return counts;
    }

    private static int argmax(TensorData data, int offset, int length) {
        int best = 0;
        for (int i = 1; i < length; i++) {
            if (data.valueAt(offset + i) > data.valueAt(offset + best)) {
                best = i;
            }
        }
        return best;
    }
}
