package io.mlrollout.modelserver.inference;

import ai.djl.ndarray.types.DataType;
import ai.onnxruntime.OnnxJavaType;
import java.util.Arrays;
import java.util.Optional;

/** The tensor element types this server accepts, named as the Open Inference Protocol names them. */
public enum TensorType {
    FP32(DataType.FLOAT32, OnnxJavaType.FLOAT),
    FP64(DataType.FLOAT64, OnnxJavaType.DOUBLE),
    INT32(DataType.INT32, OnnxJavaType.INT32),
    INT64(DataType.INT64, OnnxJavaType.INT64);

    private final DataType djlType;
    private final OnnxJavaType onnxType;

    TensorType(DataType djlType, OnnxJavaType onnxType) {
        this.djlType = djlType;
        this.onnxType = onnxType;
    }

    /** The protocol name ("FP32", ...) of a datatype string, if this server supports it. */
    public static Optional<TensorType> fromProtocolName(String name) {
        return Arrays.stream(values()).filter(type -> type.name().equals(name)).findFirst();
    }

    static Optional<TensorType> fromOnnx(OnnxJavaType onnxType) {
        return Arrays.stream(values()).filter(type -> type.onnxType == onnxType).findFirst();
    }

    static Optional<TensorType> fromDjl(DataType djlType) {
        return Arrays.stream(values()).filter(type -> type.djlType == djlType).findFirst();
    }

    /** Whether the elements are integers, so that JSON numbers with a fraction are rejected. */
    public boolean isInteger() {
        return this == INT32 || this == INT64;
    }

    /** Names of all supported types, for error messages. */
    public static String supportedNames() {
        return Arrays.toString(values());
    }
}
