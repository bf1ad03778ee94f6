package io.mlrollout.modelserver.inference;

import java.util.Arrays;

/** What the model declares for one input or output; -1 in {@code shape} is a free dimension. */
public record TensorSpec(String name, TensorType type, long[] shape) {

    /** Whether the first dimension is free, i.e. the model takes a batch of rows. */
    public boolean isBatched() {
        return shape.length > 0 && shape[0] < 0;
    }

    /** Whether {@code candidate} fits: same rank and equal wherever this spec fixes a dimension. */
    public boolean accepts(long[] candidate) {
        if (candidate.length != shape.length) {
            return false;
        }
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] >= 0 && shape[i] != candidate[i]) {
                return false;
            }
        }
        return true;
    }

    public String shapeText() {
        return Arrays.toString(shape).replace(" ", "");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TensorSpec spec
                && name.equals(spec.name)
                && type == spec.type
                && Arrays.equals(shape, spec.shape);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + type.hashCode()) + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + ":" + type + shapeText();
    }
}
