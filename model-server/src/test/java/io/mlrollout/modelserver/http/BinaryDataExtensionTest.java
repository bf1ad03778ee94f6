package io.mlrollout.modelserver.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;

import io.mlrollout.modelserver.support.BinaryBodies;
import io.mlrollout.modelserver.support.InferBodies;
import io.mlrollout.modelserver.support.SampleModels;
import io.mlrollout.modelserver.support.ServerState;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The binary data extension and the classification parameter over HTTP, against the iris sample. */
@QuarkusTest
class BinaryDataExtensionTest {

    private static final String INFER = "/v2/models/iris/infer";
    private static final String HEADER = "Inference-Header-Content-Length";

    @BeforeEach
    void modelLoaded() {
        ServerState.awaitReady();
    }

    private static byte[] setosaBytes() {
        float[] row = SampleModels.typical("setosa");
        return BinaryBodies.floats(row);
    }

    private static Response post(BinaryBodies.Body body) {
        return given().contentType(ContentType.BINARY).header(HEADER, body.jsonLength()).body(body.bytes()).post(INFER);
    }

    @Test
    void serverMetadataAdvertisesTheExtensions() {
        given().get("/v2").then().statusCode(200).body("extensions", hasItems("binary_tensor_data", "classification"));
    }

    @Test
    void binaryInputAndBinaryOutputPredictAsJsonDoes() {
        BinaryBodies.Body body = BinaryBodies.of(
                BinaryBodies.irisHeader("[1,4]", 16, ",\"parameters\":{\"binary_data_output\":true,\"priority\":1}"), setosaBytes());
        Response response = post(body);

        response.then().statusCode(200).contentType(ContentType.BINARY);
        int jsonLength = Integer.parseInt(response.header(HEADER));
        byte[] all = response.asByteArray();
        String json = new String(all, 0, jsonLength, StandardCharsets.UTF_8);
        assertThat(json).contains("\"id\":\"bin-1\"").contains("\"binary_data_size\":12").doesNotContain("\"data\"");
        float[] binaryScores = new float[3];
        ByteBuffer.wrap(all, jsonLength, 12).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(binaryScores);

        List<Float> jsonScores = given().body(InferBodies.typicalRow("setosa")).post(INFER).then().statusCode(200)
                .extract().jsonPath().getList("outputs[0].data", Float.class);
        assertThat(all).hasSize(jsonLength + 12);
        assertThat(binaryScores).containsExactly(jsonScores.get(0), jsonScores.get(1), jsonScores.get(2));
    }

    @Test
    void anOutputsOwnBinaryDataFalseOverridesTheRequestDefault() {
        BinaryBodies.Body body = BinaryBodies.of(BinaryBodies.irisHeader("[1,4]", 16,
                ",\"parameters\":{\"binary_data_output\":true},\"outputs\":[{\"name\":\"output\",\"parameters\":{\"binary_data\":false}}]"),
                setosaBytes());
        post(body).then().statusCode(200).contentType(ContentType.JSON).header(HEADER, (String) null)
                .body("outputs[0].data.size()", org.hamcrest.Matchers.is(3));
    }

    @Test
    void classificationReturnsTheTopClassesWithLabels() {
        String json = "{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[2,4],\"data\":["
                + SampleModels.typicalJson("setosa") + "," + SampleModels.typicalJson("virginica") + "]}],"
                + "\"outputs\":[{\"name\":\"output\",\"parameters\":{\"classification\":2}}]}";
        Response response = given().body(json).post(INFER);

        response.then().statusCode(200).body("outputs[0].datatype", org.hamcrest.Matchers.is("BYTES"));
        assertThat(response.jsonPath().getList("outputs[0].shape", Integer.class)).containsExactly(2, 2);
        List<String> classes = response.jsonPath().getList("outputs[0].data", String.class);
        assertThat(classes.get(0)).matches("0\\.9[0-9.E-]*:\\d:setosa");
        assertThat(classes.get(2)).endsWith(":virginica");
        double best = Double.parseDouble(classes.get(0).split(":")[0]);
        double second = Double.parseDouble(classes.get(1).split(":")[0]);
        assertThat(best).isGreaterThanOrEqualTo(second);
    }

    @Test
    void classificationTravelsAsBinaryBytesToo() {
        BinaryBodies.Body body = BinaryBodies.of(BinaryBodies.irisHeader("[1,4]", 16,
                ",\"outputs\":[{\"name\":\"output\",\"parameters\":{\"classification\":1,\"binary_data\":true}}]"), setosaBytes());
        Response response = post(body);

        response.then().statusCode(200);
        byte[] all = response.asByteArray();
        int jsonLength = Integer.parseInt(response.header(HEADER));
        ByteBuffer tail = ByteBuffer.wrap(all, jsonLength, all.length - jsonLength).order(ByteOrder.LITTLE_ENDIAN);
        byte[] element = new byte[tail.getInt()];
        tail.get(element);
        assertThat(new String(element, StandardCharsets.UTF_8)).endsWith(":setosa");
        assertThat(tail.hasRemaining()).isFalse();
    }

    static Stream<Arguments> malformedBinaryRequests() {
        byte[] row = setosaBytes();
        String header = BinaryBodies.irisHeader("[1,4]", 16, "");
        BinaryBodies.Body valid = BinaryBodies.of(header, row);
        String bothForms = "{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[1,4],"
                + "\"data\":[1,2,3,4],\"parameters\":{\"binary_data_size\":16}}]}";
        return Stream.of(
                malformed("header not a number", valid, "sixteen", "must be a non-negative integer"),
                malformed("negative header", valid, "-5", "must be a non-negative integer"),
                malformed("header beyond the body", valid, Integer.toString(valid.bytes().length + 1), "but the body has only"),
                malformed("header cutting the JSON", valid, Integer.toString(valid.jsonLength() - 3), "malformed JSON"),
                malformed("size beyond the binary data", BinaryBodies.of(BinaryBodies.irisHeader("[1,4]", 20, ""), row), null,
                        "declares binary_data_size 20 but only 16 bytes"),
                malformed("bytes no input claims", BinaryBodies.of(BinaryBodies.irisHeader("[1,4]", 12, ""), row), null,
                        "4 bytes after the JSON header are not claimed"),
                malformed("size not whole elements", BinaryBodies.of(BinaryBodies.irisHeader("[1,4]", 15, ""), Arrays.copyOf(row, 15)), null,
                        "not a whole number of 4-byte FP32 elements"),
                malformed("shape vs binary size", BinaryBodies.of(BinaryBodies.irisHeader("[2,4]", 16, ""), row), null,
                        "which holds 8 elements, but 4 data elements were sent"),
                malformed("NaN in binary data", BinaryBodies.of(header, BinaryBodies.floats(5f, Float.NaN, 1f, 0.2f)), null,
                        "binary element 1 is NaN or infinite"),
                malformed("infinity in binary data", BinaryBodies.of(header, BinaryBodies.floats(5f, 1f, Float.POSITIVE_INFINITY, 0.2f)), null,
                        "binary element 2 is NaN or infinite"),
                malformed("data and binary size both", BinaryBodies.of(bothForms, row), null, "has both \"data\" and parameters.binary_data_size"),
                malformed("datatype mismatch in binary", BinaryBodies.of(header.replace("FP32", "INT32"), row), null,
                        "has datatype INT32 but the model expects FP32"),
                malformed("negative binary size", BinaryBodies.of(BinaryBodies.irisHeader("[1,4]", -16, ""), row), null,
                        "binary_data_size must be a non-negative integer"));
    }

    /** @param headerValue the Inference-Header-Content-Length to send; null: the body's true JSON length */
    private static Arguments malformed(String description, BinaryBodies.Body body, String headerValue, String message) {
        return Arguments.of(description, body.bytes(), headerValue == null ? Integer.toString(body.jsonLength()) : headerValue, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBinaryRequests")
    void malformedBinaryRequestsAre400(String description, byte[] body, String headerValue, String message) {
        given().contentType(ContentType.BINARY).header(HEADER, headerValue).body(body).post(INFER)
                .then().statusCode(400).contentType(ContentType.JSON).body("error", containsString(message));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badOutputParameters")
    void badOutputParametersAre400(String description, String outputs, String message) {
        String json = InferBodies.typicalRow("setosa").replaceFirst("}$", ",\"outputs\":[" + outputs + "]}");
        given().body(json).post(INFER).then().statusCode(400).contentType(ContentType.JSON).body("error", containsString(message));
    }

    static Stream<Arguments> badOutputParameters() {
        return Stream.of(
                Arguments.of("binary_data not boolean", "{\"name\":\"output\",\"parameters\":{\"binary_data\":\"yes\"}}",
                        "binary_data must be true or false"),
                Arguments.of("negative classification", "{\"name\":\"output\",\"parameters\":{\"classification\":-1}}",
                        "classification must be a non-negative integer"),
                Arguments.of("output not an object", "\"output\"", "must be an object"));
    }
}
