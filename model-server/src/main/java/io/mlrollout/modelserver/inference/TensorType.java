package io.mlrollout.modelserver.inference;

import ai.djl.ndarray.types.DataType;
import ai.onnxruntime.TensorInfo.OnnxTensorType;
import java.util.Arrays;
import java.util.Optional;

/**
 * The tensor element types of the Open Inference Protocol, named as the protocol names them, with
 * how each is held: fixed-width types as little-endian elements of {@link #byteSize()} bytes (the
 * layout of the binary data extension), BYTES as a list of byte strings.
 *
 * <p>UINT16, UINT32 and UINT64 are protocol types that ONNX Runtime's Java API (1.21) cannot pass in
 * or out of a session, and DJL 0.36's ONNX Runtime engine cannot create INT16 tensors; a model
 * declaring one of them is refused at load, and requests naming them get a datatype mismatch.
 */
public enum TensorType {
    BOOL(1, DataType.BOOLEAN, OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_BOOL, true),
    UINT8(1, DataType.UINT8, OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_UINT8, true),
    UINT16(2, DataType.UINT16, OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_UINT16, false),
    UINT32(4, DataType.UINT32, OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_UINT32, false),
    UINT64(8, DataType.UINT64, OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_UINT64, false),
    INT8(1, DataType.INT8, OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_INT8, true),
    INT16(2, DataType.INT16, OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_INT16, false),
    INT32(4, DataType.INT32, OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_INT32, true),
    INT64(8, DataType.INT64, OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_INT64, true),
    FP16(2, DataType.FLOAT16, OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT16, true),
    FP32(4, DataType.FLOAT32, OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT, true),
    FP64(8, DataType.FLOAT64, OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_DOUBLE, true),
    BYTES(0, DataType.STRING, OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_STRING, true);

    private final int byteSize;
    private final DataType djlType;
    private final OnnxTensorType onnxType;
    /** Whether the engine can pass tensors of this type in and out. */
    private final boolean servable;

    TensorType(int byteSize, DataType djlType, OnnxTensorType onnxType, boolean servable) {
        this.byteSize = byteSize;
        this.djlType = djlType;
        this.onnxType = onnxType;
        this.servable = servable;
    }

    /** The type a protocol datatype name ("FP32", ...) stands for. */
    public static Optional<TensorType> fromProtocolName(String name) {
        return Arrays.stream(values()).filter(type -> type.name().equals(name)).findFirst();
    }

    /**
     * The type of an ONNX tensor, if the engine can exchange it. Read from the ONNX element type, not
     * ONNX Runtime's Java type, which reports UINT32 and UINT64 tensors as INT32 and INT64.
     */
    static Optional<TensorType> fromOnnx(OnnxTensorType onnxType) {
        return Arrays.stream(values()).filter(type -> type.servable && type.onnxType == onnxType).findFirst();
    }

    static Optional<TensorType> fromDjl(DataType djlType) {
        return Arrays.stream(values()).filter(type -> type.servable && type.djlType == djlType).findFirst();
    }

    DataType djlType() {
        return djlType;
    }

    /** Bytes per element; 0 for BYTES, whose elements vary in length. */
    public int byteSize() {
        return byteSize;
    }

    public boolean isFixedWidth() {
        return this != BYTES;
    }

    /** Whether the elements are integers, so that JSON numbers with a fraction are rejected. */
    public boolean isInteger() {
        return this == UINT8 || this == UINT16 || this == UINT32 || this == UINT64
                || this == INT8 || this == INT16 || this == INT32 || this == INT64;
    }

    public boolean isFloatingPoint() {
        return this == FP16 || this == FP32 || this == FP64;
    }

    public boolean isUnsigned() {
        return this == UINT8 || this == UINT16 || this == UINT32 || this == UINT64;
    }

    /** Names of the types a model may declare here, for error messages. */
    public static String servableNames() {
        return Arrays.toString(Arrays.stream(values()).filter(type -> type.servable).toArray());
    }
}
