package io.mlrollout.modelserver.inference;

import java.util.Arrays;

/** A named tensor: its shape and its flat row-major elements. */
public record Tensor(String name, long[] shape, TensorData data) {

    public TensorType type() {
        return data.type();
    }

    /** The product of the dimensions, or -1 when a dimension is negative or the product overflows. */
    public static long elementCount(long[] shape) {
        long count = 1;
        for (long dimension : shape) {
            if (dimension < 0) {
                return -1;
            }
            try {
                count = Math.multiplyExact(count, dimension);
            } catch (ArithmeticException overflow) {
                return -1;
            }
        }
        return count;
    }

    @Override
    public String toString() {
        // Never the elements: they may be personal data and toString ends up in logs.
        return "Tensor[" + name + ", " + type() + ", " + Arrays.toString(shape) + "]";
    }
}
