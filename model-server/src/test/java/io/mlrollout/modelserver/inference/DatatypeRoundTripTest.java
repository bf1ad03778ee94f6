package io.mlrollout.modelserver.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlrollout.modelserver.samples.EchoModels;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every datatype the engine can exchange goes into a real ONNX model and comes back bit for bit. */
class DatatypeRoundTripTest {

    @TempDir
    Path workDir;

    private ServedModel load(List<TensorType> types) throws ModelLoadException {
        String uri = EchoModels.write(workDir.resolve("echo.onnx"), types);
        return new ModelLoader(new LoaderSettings(workDir, Duration.ofSeconds(10), 1L << 30, 1, 1))
                .load(new ModelReference("echo", "v1", uri, Optional.empty()));
    }

    @Test
    void everyServableTypeComesBackUnchanged() throws Exception {
        try (ServedModel model = load(EchoModels.SERVABLE)) {
            List<Tensor> inputs = new ArrayList<>();
            for (TensorType type : EchoModels.SERVABLE) {
                inputs.add(new Tensor(EchoModels.inputName(type), new long[] {2, 2}, sample(type)));
            }
            List<Tensor> outputs = model.infer(inputs, List.of()).outputs();

            for (TensorType type : EchoModels.SERVABLE) {
                Tensor out = outputs.stream().filter(t -> t.name().equals(EchoModels.outputName(type))).findFirst().orElseThrow();
                assertThat(out.type()).as(type.name()).isEqualTo(type);
                assertThat(out.shape()).as(type.name()).containsExactly(2, 2);
                assertThat(elements(out.data())).as(type.name()).isEqualTo(elements(sample(type)));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"UINT16", "UINT32", "UINT64", "INT16"})
    void typesTheEngineCannotExchangeAreRefusedAtLoadWithTheReason(TensorType type) {
        assertThatThrownBy(() -> load(List.of(type)))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("cannot pass to or from ONNX Runtime");
    }

    /** Four elements per type, including each type's extremes. */
    static TensorData sample(TensorType type) {
        if (type == TensorType.BYTES) {
            return TensorData.ofBytes(List.of("".getBytes(StandardCharsets.UTF_8), "a".getBytes(StandardCharsets.UTF_8),
                    "ünï €".getBytes(StandardCharsets.UTF_8), "x".repeat(300).getBytes(StandardCharsets.UTF_8)));
        }
        ByteBuffer buffer = TensorData.allocate(type, 4);
        switch (type) {
            case BOOL -> buffer.put(new byte[] {1, 0, 0, 1});
            case UINT8, INT8 -> buffer.put(new byte[] {0, 1, (byte) 0x7f, (byte) 0xff});
            case INT32 -> buffer.putInt(Integer.MIN_VALUE).putInt(-1).putInt(0).putInt(Integer.MAX_VALUE);
            case INT64 -> buffer.putLong(Long.MIN_VALUE).putLong(-1).putLong(0).putLong(Long.MAX_VALUE);
            case FP16 -> buffer.putShort(HalfFloat.fromFloat(-65504f)).putShort(HalfFloat.fromFloat(0.5f))
                    .putShort(HalfFloat.fromFloat(1e-7f)).putShort(HalfFloat.fromFloat(65504f));
            case FP32 -> buffer.putFloat(-Float.MAX_VALUE).putFloat(Float.MIN_VALUE).putFloat(0.1f).putFloat(3.5f);
            case FP64 -> buffer.putDouble(-Double.MAX_VALUE).putDouble(Double.MIN_VALUE).putDouble(0.1).putDouble(3.5);
            default -> throw new IllegalArgumentException(type + " has no sample");
        }
        return TensorData.fixedWidth(type, buffer.flip());
    }

    private static List<String> elements(TensorData data) {
        List<String> text = new ArrayList<>();
        if (data.type() == TensorType.BYTES) {
            data.byteStrings().forEach(value -> text.add(new String(value, StandardCharsets.UTF_8)));
        } else {
            ByteBuffer bytes = data.littleEndianBytes();
            while (bytes.hasRemaining()) {
                text.add(Integer.toHexString(Byte.toUnsignedInt(bytes.get())));
            }
        }
        return text;
    }
}
