package io.mlrollout.modelserver.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The flat, row-major elements of one tensor, held as the primitive array of its element type
 * (float[], double[], int[] or long[]) so that large batches are neither boxed nor copied twice.
 */
public final class TensorData {

    private final TensorType type;
    private final Object array;
    private final int length;

    private TensorData(TensorType type, Object array, int length) {
        this.type = type;
        this.array = array;
        this.length = length;
    }

    public static TensorData of(float[] values) {
        return new TensorData(TensorType.FP32, values, values.length);
    }

    public static TensorData of(double[] values) {
        return new TensorData(TensorType.FP64, values, values.length);
    }

    public static TensorData of(int[] values) {
        return new TensorData(TensorType.INT32, values, values.length);
    }

    public static TensorData of(long[] values) {
        return new TensorData(TensorType.INT64, values, values.length);
    }

    /** Copies an engine array's elements out, so the result outlives the engine's native memory. */
    static TensorData copyOf(NDArray array) {
        TensorType type =
                TensorType.fromDjl(array.getDataType())
                        .orElseThrow(() -> new IllegalStateException(
                                "the model produced an unsupported output type " + array.getDataType()));
        return switch (type) {
            case FP32 -> of(array.toFloatArray());
            case FP64 -> of(array.toDoubleArray());
            case INT32 -> of(array.toIntArray());
            case INT64 -> of(array.toLongArray());
        };
    }

    public TensorType type() {
        return type;
    }

    public int length() {
        return length;
    }

    /** The primitive array itself, for serialisers; callers must not modify it. */
    public Object array() {
        return array;
    }

    /** Creates an engine array holding these elements, owned by {@code manager}. */
    NDArray toNDArray(NDManager manager, Shape shape) {
        return switch (type) {
            case FP32 -> manager.create((float[]) array, shape);
            case FP64 -> manager.create((double[]) array, shape);
            case INT32 -> manager.create((int[]) array, shape);
            case INT64 -> manager.create((long[]) array, shape);
        };
    }

    /** Element {@code index} widened to double, for argmax over class scores. */
    public double valueAt(int index) {
        return switch (type) {
            case FP32 -> ((float[]) array)[index];
            case FP64 -> ((double[]) array)[index];
            case INT32 -> ((int[]) array)[index];
            case INT64 -> ((long[]) array)[index];
        };
    }

    @Override
    public String toString() {
        // Never the elements: they may be personal data, and toString ends up in logs.
        return type + "[" + length + "]";
    }
}
