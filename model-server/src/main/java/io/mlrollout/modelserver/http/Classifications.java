package io.mlrollout.modelserver.http;

import io.mlrollout.modelserver.inference.InvalidInputException;
import io.mlrollout.modelserver.inference.Tensor;
import io.mlrollout.modelserver.inference.TensorData;
import io.mlrollout.modelserver.inference.TensorType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The {@code classification} output parameter (Triton's classification extension): instead of a
 * score tensor shaped [classes] or [batch, classes], the top {@code count} classes per row, best
 * first, as a BYTES tensor shaped [count] or [batch, count] whose elements read
 * {@code "<score>:<index>"}, or {@code "<score>:<index>:<label>"} when the model has labels. Ties
 * keep the lower index first.
 */
final class Classifications {

    private Classifications() {}

    /** @param labels class names in column order; empty when the output has none */
    static Tensor topClasses(Tensor scores, int count, List<String> labels) {
        String label = "requested output '" + scores.name() + "'";
        long[] shape = scores.shape();
        if (!(shape.length == 1 || shape.length == 2) || !isNumeric(scores.type())) {
            throw new InvalidInputException(label + " cannot be classified: classification needs numeric scores shaped "
                    + "[classes] or [batch, classes], and it is " + scores.type() + " " + Arrays.toString(shape));
        }
        int classes = (int) shape[shape.length - 1];
        int top = Math.min(count, classes);
        int rows = classes == 0 ? 0 : scores.data().length() / classes;
        List<byte[]> elements = new ArrayList<>(rows * top);
        for (int row = 0; row < rows; row++) {
            for (int index : best(scores.data(), row * classes, classes, top)) {
                elements.add(describe(scores.data(), row * classes + index, index, labels).getBytes(StandardCharsets.UTF_8));
            }
        }
        long[] resultShape = shape.length == 1 ? new long[] {top} : new long[] {shape[0], top};
        return new Tensor(scores.name(), resultShape, TensorData.ofBytes(elements));
    }

    private static boolean isNumeric(TensorType type) {
        return type != TensorType.BYTES && type != TensorType.BOOL;
    }

    private static List<Integer> best(TensorData data, int offset, int classes, int top) {
        List<Integer> order = new ArrayList<>(classes);
        for (int i = 0; i < classes; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> data.valueAt(offset + i)).reversed()
                .thenComparingInt(i -> i));
        return order.subList(0, top);
    }

    private static String describe(TensorData data, int at, int index, List<String> labels) {
        double value = data.valueAt(at);
        String score = data.type().isFloatingPoint()
                ? (data.type() == TensorType.FP64 ? Double.toString(value) : Float.toString((float) value))
                : Long.toString((long) value);
        return index < labels.size() ? score + ":" + index + ":" + labels.get(index) : score + ":" + index;
    }
}
