package io.mlrollout.modelserver.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlrollout.modelserver.inference.HalfFloat;
import io.mlrollout.modelserver.inference.TensorData;
import io.mlrollout.modelserver.inference.TensorType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** Non-finite model outputs: null in JSON (which has no NaN), every bit kept in binary data. */
class TensorDataJsonTest {

    private final ObjectMapper mapper = new ObjectMapper();

    private String json(TensorData data) throws Exception {
        return mapper.writeValueAsString(new V2Messages.OutputTensor("out", data.type().name(), new long[] {data.length()}, null, data));
    }

    @Test
    void nanAndInfinitiesAreWrittenAsNullBetweenFiniteValues() throws Exception {
        assertThat(json(TensorData.of(new float[] {1.5f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -2f})))
                .contains("\"data\":[1.5,null,null,null,-2.0]");
        assertThat(json(TensorData.of(new double[] {Double.NaN, 0.25, Double.NEGATIVE_INFINITY})))
                .contains("\"data\":[null,0.25,null]");
        ByteBuffer halves = TensorData.allocate(TensorType.FP16, 3);
        halves.putShort(HalfFloat.fromFloat(Float.NaN)).putShort(HalfFloat.fromFloat(0.5f)).putShort(HalfFloat.fromFloat(Float.POSITIVE_INFINITY));
        assertThat(json(TensorData.fixedWidth(TensorType.FP16, halves.flip()))).contains("\"data\":[null,0.5,null]");
    }

    @Test
    void binaryDataCarriesTheNonFiniteValuesExactly() {
        float[] values = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
        ByteBuffer bytes = ByteBuffer.wrap(InferResponseEncoder.binaryElements(TensorData.of(values))).order(ByteOrder.LITTLE_ENDIAN);

        assertThat(Float.floatToRawIntBits(bytes.getFloat())).isEqualTo(Float.floatToRawIntBits(Float.NaN));
        assertThat(bytes.getFloat()).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(bytes.getFloat()).isEqualTo(Float.NEGATIVE_INFINITY);
    }
}
