package io.mlrollout.modelserver.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The flat, row-major elements of one tensor. Fixed-width types are held as little-endian bytes,
 * the layout of the protocol's binary data extension, so binary requests need no conversion and
 * every type shares one representation; BYTES elements are held as byte strings.
 */
public final class TensorData {

    private final TensorType type;
    private final ByteBuffer elements;
    private final List<byte[]> strings;
    private final int length;

    private TensorData(TensorType type, ByteBuffer elements, List<byte[]> strings, int length) {
        this.type = type;
        this.elements = elements;
        this.strings = strings;
        this.length = length;
    }

    /** Elements of a fixed-width type; {@code littleEndian}'s remaining bytes must be whole elements. */
    public static TensorData fixedWidth(TensorType type, ByteBuffer littleEndian) {
        if (!type.isFixedWidth() || littleEndian.remaining() % type.byteSize() != 0) {
            throw new IllegalArgumentException(littleEndian.remaining() + " bytes are not whole " + type + " elements");
        }
        ByteBuffer view = littleEndian.slice().order(ByteOrder.LITTLE_ENDIAN);
        return new TensorData(type, view, null, view.remaining() / type.byteSize());
    }

    public static TensorData ofBytes(List<byte[]> values) {
        return new TensorData(TensorType.BYTES, null, List.copyOf(values), values.size());
    }

    public static TensorData of(float[] values) {
        ByteBuffer buffer = allocate(TensorType.FP32, values.length);
        buffer.asFloatBuffer().put(values);
        return fixedWidth(TensorType.FP32, buffer);
    }

    public static TensorData of(double[] values) {
        ByteBuffer buffer = allocate(TensorType.FP64, values.length);
        buffer.asDoubleBuffer().put(values);
        return fixedWidth(TensorType.FP64, buffer);
    }

    public static TensorData of(int[] values) {
        ByteBuffer buffer = allocate(TensorType.INT32, values.length);
        buffer.asIntBuffer().put(values);
        return fixedWidth(TensorType.INT32, buffer);
    }

    public static TensorData of(long[] values) {
        ByteBuffer buffer = allocate(TensorType.INT64, values.length);
        buffer.asLongBuffer().put(values);
        return fixedWidth(TensorType.INT64, buffer);
    }

    /** {@code count} elements of zero (false, empty strings). */
    public static TensorData zeros(TensorType type, int count) {
        if (type.isFixedWidth()) {
            return fixedWidth(type, allocate(type, count));
        }
        return ofBytes(Collections.nCopies(count, new byte[0]));
    }

    /** A zero-filled little-endian buffer for {@code count} elements of {@code type}. */
    public static ByteBuffer allocate(TensorType type, int count) {
        return ByteBuffer.allocate(Math.multiplyExact(count, type.byteSize())).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Copies an engine array's elements out, so the result outlives the engine's native memory. */
    static TensorData copyOf(NDArray array) {
        TensorType type =
                TensorType.fromDjl(array.getDataType())
                        .orElseThrow(() -> new IllegalStateException(
                                "the model produced an unsupported output type " + array.getDataType()));
        if (type == TensorType.BYTES) {
            List<byte[]> values = new ArrayList<>();
            for (String value : array.toStringArray(StandardCharsets.UTF_8)) {
                values.add(value.getBytes(StandardCharsets.UTF_8));
            }
            return ofBytes(values);
        }
        // The engine's bytes are in the machine's order, which is little-endian on every platform
        // ONNX Runtime's Java package ships native libraries for (x86-64, aarch64).
        ByteBuffer engine = array.toByteBuffer();
        ByteBuffer copy = ByteBuffer.allocate(engine.remaining()).order(ByteOrder.LITTLE_ENDIAN);
        copy.put(engine).flip();
        return fixedWidth(type, copy);
    }

    /** The elements of {@code parts}, all of one type, one after another (rows of a batch, in order). */
    static TensorData concatenate(List<TensorData> parts) {
        TensorType type = parts.get(0).type;
        if (type == TensorType.BYTES) {
            List<byte[]> all = new ArrayList<>();
            parts.forEach(part -> all.addAll(part.strings));
            return ofBytes(all);
        }
        int bytes = parts.stream().mapToInt(part -> part.elements.remaining()).sum();
        ByteBuffer joined = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
        parts.forEach(part -> joined.put(part.elements.duplicate()));
        return fixedWidth(type, joined.flip());
    }

    /** Elements {@code from} (inclusive) to {@code to} (exclusive), sharing this tensor's memory. */
    TensorData slice(int from, int to) {
        if (type == TensorType.BYTES) {
            return ofBytes(strings.subList(from, to));
        }
        int size = type.byteSize();
        return fixedWidth(type, elements.duplicate().position(from * size).limit(to * size));
    }

    public TensorType type() {
        return type;
    }

    public int length() {
        return length;
    }

    /** The little-endian elements of a fixed-width tensor, as a read-only view positioned at 0. */
    public ByteBuffer littleEndianBytes() {
        requireFixedWidth();
        return elements.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The elements of a BYTES tensor. */
    public List<byte[]> byteStrings() {
        if (type != TensorType.BYTES) {
            throw new IllegalStateException(type + " elements are not byte strings");
        }
        return strings;
    }

    /** Creates an engine array holding these elements, owned by {@code manager}. */
    NDArray toNDArray(NDManager manager, Shape shape) {
        if (type == TensorType.BYTES) {
            String[] values = strings.stream().map(value -> new String(value, StandardCharsets.UTF_8)).toArray(String[]::new);
            return manager.create(values, StandardCharsets.UTF_8, shape);
        }
        ByteBuffer direct = manager.allocateDirect(elements.remaining()).order(ByteOrder.nativeOrder());
        direct.put(elements.duplicate()).flip();
        return manager.create(direct, shape, type.djlType());
    }

    /** Element {@code index} of a numeric or BOOL tensor, widened to double (for scores and argmax). */
    public double valueAt(int index) {
        int at = index * type.byteSize();
        return switch (type) {
            case BOOL, UINT8 -> Byte.toUnsignedInt(elements.get(at));
            case INT8 -> elements.get(at);
            case UINT16 -> Short.toUnsignedInt(elements.getShort(at));
            case INT16 -> elements.getShort(at);
            case UINT32 -> Integer.toUnsignedLong(elements.getInt(at));
            case INT32 -> elements.getInt(at);
            case UINT64 -> unsignedToDouble(elements.getLong(at));
            case INT64 -> elements.getLong(at);
            case FP16 -> HalfFloat.toFloat(elements.getShort(at));
            case FP32 -> elements.getFloat(at);
            case FP64 -> elements.getDouble(at);
            case BYTES -> throw new IllegalStateException("BYTES elements are not numbers");
        };
    }

    private static double unsignedToDouble(long value) {
        double high = (double) (value >>> 1) * 2;
        return high + (value & 1);
    }

    /** The index of the first NaN or infinite element of a floating-point tensor, or -1. */
    public int firstNonFinite() {
        if (!type.isFloatingPoint()) {
            return -1;
        }
        for (int i = 0; i < length; i++) {
            if (!Double.isFinite(valueAt(i))) {
                return i;
            }
        }
        return -1;
    }

    public float[] toFloats() {
        requireType(TensorType.FP32);
        float[] values = new float[length];
        littleEndianBytes().asFloatBuffer().get(values);
        return values;
    }

    public double[] toDoubles() {
        requireType(TensorType.FP64);
        double[] values = new double[length];
        littleEndianBytes().asDoubleBuffer().get(values);
        return values;
    }

    public int[] toInts() {
        requireType(TensorType.INT32);
        int[] values = new int[length];
        littleEndianBytes().asIntBuffer().get(values);
        return values;
    }

    public long[] toLongs() {
        requireType(TensorType.INT64);
        long[] values = new long[length];
        littleEndianBytes().asLongBuffer().get(values);
        return values;
    }

    private void requireType(TensorType expected) {
        if (type != expected) {
            throw new IllegalStateException("a " + type + " tensor, not " + expected);
        }
    }

    private void requireFixedWidth() {
        if (!type.isFixedWidth()) {
            throw new IllegalStateException(type + " elements have no fixed width");
        }
    }

    @Override
    public String toString() {
        // Never the elements: they may be personal data, and toString ends up in logs.
        return type + "[" + length + "]";
    }
}
