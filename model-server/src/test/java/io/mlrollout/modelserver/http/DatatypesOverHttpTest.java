package io.mlrollout.modelserver.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.mlrollout.modelserver.inference.TensorType;
import io.mlrollout.modelserver.samples.EchoModels;
import io.mlrollout.modelserver.support.BinaryBodies;
import io.mlrollout.modelserver.support.ServerState;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every servable datatype through JSON over HTTP, against a generated echo model, and each type's bad elements. */
@QuarkusTest
@TestProfile(DatatypesOverHttpTest.ServesTheEchoModel.class)
class DatatypesOverHttpTest {

    private static final String INFER = "/v2/models/echo/infer";

    public static class ServesTheEchoModel implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String uri = EchoModels.write(Path.of("target", "echo-model", "model.onnx").toAbsolutePath(), EchoModels.SERVABLE);
            return Map.of("model.name", "echo", "model.uri", uri);
        }
    }

    /** JSON data per type: what is sent, and what must come back (FP16 rounds to the nearest half). */
    private static final Map<TensorType, String[]> JSON_SAMPLES = Map.of(
            TensorType.BOOL, new String[] {"[true,false,false,true]", "[true,false,false,true]"},
            TensorType.UINT8, new String[] {"[0,1,128,255]", "[0,1,128,255]"},
            TensorType.INT8, new String[] {"[-128,-1,0,127]", "[-128,-1,0,127]"},
            TensorType.INT32, new String[] {"[-2147483648,-1,0,2147483647]", "[-2147483648,-1,0,2147483647]"},
            TensorType.INT64, new String[] {"[-9223372036854775808,-1,0,9223372036854775807]", "[-9223372036854775808,-1,0,9223372036854775807]"},
            TensorType.FP16, new String[] {"[-65504,0.5,0.1,65504]", "[-65504.0,0.5,0.099975586,65504.0]"},
            TensorType.FP32, new String[] {"[-1.5,0.1,3.4028235E38,0]", "[-1.5,0.1,3.4028235E38,0.0]"},
            TensorType.FP64, new String[] {"[-1.5,0.1,1.7976931348623157E308,0]", "[-1.5,0.1,1.7976931348623157E308,0.0]"},
            TensorType.BYTES, new String[] {"[\"\",\"a\",\"\\u00fc\\u20ac\",\"zz\"]", "[\"\",\"a\",\"\\u00fc\\u20ac\",\"zz\"]"});

    @BeforeEach
    void modelLoaded() {
        ServerState.awaitReady();
    }

    private static String request(Map<TensorType, String> dataByType) {
        String inputs = EchoModels.SERVABLE.stream()
                .map(type -> "{\"name\":\"" + EchoModels.inputName(type) + "\",\"datatype\":\"" + type + "\",\"shape\":[2,2],\"data\":"
                        + dataByType.getOrDefault(type, JSON_SAMPLES.get(type)[0]) + "}")
                .collect(Collectors.joining(","));
        return "{\"inputs\":[" + inputs + "]}";
    }

    @Test
    void everyServableTypeRoundTripsThroughJson() {
        JsonPath response = given().body(request(Map.of())).post(INFER).then().statusCode(200).contentType(ContentType.JSON)
                .extract().jsonPath();
        for (TensorType type : EchoModels.SERVABLE) {
            String path = "outputs.find { it.name == '" + EchoModels.outputName(type) + "' }";
            assertThat(response.getString(path + ".datatype")).isEqualTo(type.name());
            assertThat(response.getList(path + ".shape", Integer.class)).containsExactly(2, 2);
            List<Object> expected = JsonPath.from("{\"d\":" + JSON_SAMPLES.get(type)[1] + "}").getList("d");
            assertThat(response.getList(path + ".data")).as(type.name()).isEqualTo(expected);
        }
    }

    static Stream<Arguments> badElements() {
        return Stream.of(
                Arguments.of(TensorType.BOOL, "[true,1,false,true]", "data element 1 is not true or false"),
                Arguments.of(TensorType.UINT8, "[0,256,1,2]", "data element 1 is out of range for UINT8"),
                Arguments.of(TensorType.UINT8, "[0,-1,1,2]", "data element 1 is out of range for UINT8"),
                Arguments.of(TensorType.INT8, "[0,1,-129,2]", "data element 2 is out of range for INT8"),
                Arguments.of(TensorType.INT64, "[0,1,2,9223372036854775808]", "data element 3 is out of range for INT64"),
                Arguments.of(TensorType.INT32, "[0,1.5,2,3]", "data element 1 is not an integer"),
                Arguments.of(TensorType.FP16, "[0,70000,1,2]", "data element 1 is out of range for FP16"),
                Arguments.of(TensorType.FP32, "[0,\"1\",1,2]", "data element 1 is not a number"),
                Arguments.of(TensorType.BYTES, "[\"a\",1,\"b\",\"c\"]", "data element 1 is not a string"),
                Arguments.of(TensorType.FP64, "[0,1,2]", "which holds 4 elements, but 3 data elements were sent"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badElements")
    void badElementsOfEachTypeAre400(TensorType type, String data, String message) {
        given().body(request(Map.of(type, data))).post(INFER)
                .then().statusCode(400).contentType(ContentType.JSON).body("error", containsString(message));
    }

    static Stream<Arguments> badBinaryElements() {
        ByteBuffer cutLength = ByteBuffer.allocate(6).order(ByteOrder.LITTLE_ENDIAN).putInt(1).put((byte) 'a').put((byte) 0);
        ByteBuffer tooLong = ByteBuffer.allocate(6).order(ByteOrder.LITTLE_ENDIAN).putInt(100).put((byte) 'a').put((byte) 'b');
        ByteBuffer notUtf8 = ByteBuffer.allocate(5).order(ByteOrder.LITTLE_ENDIAN).putInt(1).put((byte) 0xff);
        return Stream.of(
                Arguments.of(TensorType.BOOL, new byte[] {1, 0, 2, 1}, "binary element 2 is neither 0 nor 1"),
                Arguments.of(TensorType.BYTES, cutLength.array(), "BYTES element 1 is cut off inside its 4-byte length"),
                Arguments.of(TensorType.BYTES, tooLong.array(), "BYTES element 0 declares 100 bytes but only 2 remain"),
                Arguments.of(TensorType.BYTES, notUtf8.array(), "BYTES element 0 is not UTF-8 text"),
                Arguments.of(TensorType.FP16, new byte[] {0, 0, 0, 0x7c, 0, 0, 0, 0}, "binary element 1 is NaN or infinite"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBinaryElements")
    void badBinaryElementsOfEachTypeAre400(TensorType type, byte[] binary, String message) {
        String inputs = EchoModels.SERVABLE.stream()
                .map(t -> "{\"name\":\"" + EchoModels.inputName(t) + "\",\"datatype\":\"" + t + "\",\"shape\":[2,2],"
                        + (t == type ? "\"parameters\":{\"binary_data_size\":" + binary.length + "}" : "\"data\":" + JSON_SAMPLES.get(t)[0]) + "}")
                .collect(Collectors.joining(","));
        BinaryBodies.Body body = BinaryBodies.of("{\"inputs\":[" + inputs + "]}", binary);
        given().contentType(ContentType.BINARY).header("Inference-Header-Content-Length", body.jsonLength()).body(body.bytes()).post(INFER)
                .then().statusCode(400).contentType(ContentType.JSON).body("error", containsString(message));
    }
}
