package io.mlrollout.modelserver.samples;

import ai.onnx.proto.OnnxMl;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import io.mlrollout.modelserver.inference.TensorType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Small real ONNX models for datatype tests, written with the ONNX protobuf classes Tribuo ships:
 * for each datatype T, an input {@code t_in} shaped [-1, 2] passed through an Identity node to an
 * output {@code t_out}, so every element must come back exactly as sent. Built in code on each run
 * (nothing downloaded, nothing committed).
 */
public final class EchoModels {

    /** The types the server can serve, and the echo model holding all of them. */
    public static final List<TensorType> SERVABLE = List.of(TensorType.BOOL, TensorType.UINT8, TensorType.INT8,
            TensorType.INT32, TensorType.INT64, TensorType.FP16, TensorType.FP32, TensorType.FP64, TensorType.BYTES);

    private static final Map<TensorType, DataType> ONNX_TYPES = Map.ofEntries(
            Map.entry(TensorType.BOOL, DataType.BOOL), Map.entry(TensorType.UINT8, DataType.UINT8),
            Map.entry(TensorType.UINT16, DataType.UINT16), Map.entry(TensorType.UINT32, DataType.UINT32),
            Map.entry(TensorType.UINT64, DataType.UINT64), Map.entry(TensorType.INT8, DataType.INT8),
            Map.entry(TensorType.INT16, DataType.INT16), Map.entry(TensorType.INT32, DataType.INT32),
            Map.entry(TensorType.INT64, DataType.INT64), Map.entry(TensorType.FP16, DataType.FLOAT16),
            Map.entry(TensorType.FP32, DataType.FLOAT), Map.entry(TensorType.FP64, DataType.DOUBLE),
            Map.entry(TensorType.BYTES, DataType.STRING));

    private EchoModels() {}

    public static String inputName(TensorType type) {
        return type.name().toLowerCase(Locale.ROOT) + "_in";
    }

    public static String outputName(TensorType type) {
        return type.name().toLowerCase(Locale.ROOT) + "_out";
    }

    /** Writes an echo model for {@code types} to {@code file} and returns its {@code file:} URI. */
    public static String write(Path file, List<TensorType> types) {
        OnnxMl.GraphProto.Builder graph = OnnxMl.GraphProto.newBuilder().setName("echo");
        for (TensorType type : types) {
            graph.addInput(valueInfo(inputName(type), ONNX_TYPES.get(type)));
            graph.addOutput(valueInfo(outputName(type), ONNX_TYPES.get(type)));
            graph.addNode(OnnxMl.NodeProto.newBuilder().setOpType("Identity").setName("echo_" + inputName(type))
                    .addInput(inputName(type)).addOutput(outputName(type)));
        }
        OnnxMl.ModelProto model = OnnxMl.ModelProto.newBuilder()
                .setIrVersion(8)
                .setProducerName("mlrollout-tests")
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(17))
                .setGraph(graph)
                .build();
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, model.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file.toUri().toString();
    }

    private static OnnxMl.ValueInfoProto valueInfo(String name, DataType type) {
        OnnxMl.TensorShapeProto shape = OnnxMl.TensorShapeProto.newBuilder()
                .addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam("batch"))
                .addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(2))
                .build();
        OnnxMl.TypeProto.Tensor tensor = OnnxMl.TypeProto.Tensor.newBuilder().setElemType(type.getNumber()).setShape(shape).build();
        return OnnxMl.ValueInfoProto.newBuilder().setName(name).setType(OnnxMl.TypeProto.newBuilder().setTensorType(tensor)).build();
    }
}
