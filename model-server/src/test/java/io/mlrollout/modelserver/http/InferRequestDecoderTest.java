package io.mlrollout.modelserver.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlrollout.modelserver.inference.InvalidInputException;
import io.mlrollout.modelserver.inference.Tensor;
import io.mlrollout.modelserver.inference.TensorType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** JSON to tensors for every supported datatype, flat or nested, and the element checks. */
class InferRequestDecoderTest {

    private final InferRequestDecoder decoder = new InferRequestDecoder(new ObjectMapper());

    private Tensor decodeOne(String datatype, String data) {
        String body = "{\"inputs\":[{\"name\":\"x\",\"datatype\":\"" + datatype + "\",\"shape\":[2,2],\"data\":" + data + "}]}";
        return decoder.decode(body.getBytes(StandardCharsets.UTF_8)).inputs().get(0);
    }

    @Test
    void flattensNestedRowsInRowMajorOrder() {
        Tensor tensor = decodeOne("FP32", "[[1.5,2],[3,4.25]]");
        assertThat(tensor.shape()).containsExactly(2, 2);
        assertThat(tensor.data().toFloats()).containsExactly(1.5f, 2f, 3f, 4.25f);
    }

    @Test
    void decodesEverySupportedDatatype() {
        assertThat(decodeOne("FP64", "[0.1,0.2,0.3,0.4]").data().toDoubles()).containsExactly(0.1, 0.2, 0.3, 0.4);
        assertThat(decodeOne("INT32", "[1,-2,3,2147483647]").data().toInts()).containsExactly(1, -2, 3, Integer.MAX_VALUE);
        assertThat(decodeOne("INT64", "[[9007199254740993,2],[3,-4]]").data().toLongs())
                .containsExactly(9007199254740993L, 2, 3, -4);
        assertThat(decodeOne("INT64", "[1,2,3,4]").type()).isEqualTo(TensorType.INT64);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "INT32 | [1,2,3,2147483648] | data element 3 is out of range for INT32",
        "INT64 | [1,2,3,1e3]        | data element 3 is not an integer",
        "FP32  | [1,2,true,4]       | data element 2 is not a number",
        "FP32  | [[1,2],[null,4]]   | data element 2 is not a number",
        "FP32  | 7                  | \"data\" must be an array"
    })
    void rejectsElementsThatAreNotOfTheDatatype(String datatype, String data, String message) {
        assertThatThrownBy(() -> decodeOne(datatype, data)).isInstanceOf(InvalidInputException.class).hasMessageContaining(message);
    }

    @Test
    void readsTheIdAndTheRequestedOutputs() {
        String body = "{\"id\":\"r1\",\"inputs\":[],\"outputs\":[{\"name\":\"a\"},{\"name\":\"b\"}]}";
        InferRequestDecoder.DecodedRequest request = decoder.decode(body.getBytes(StandardCharsets.UTF_8));
        assertThat(request.id()).isEqualTo("r1");
        assertThat(request.requestedOutputNames()).containsExactly("a", "b");
    }
}
