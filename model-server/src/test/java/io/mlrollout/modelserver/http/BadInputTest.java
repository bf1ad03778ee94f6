package io.mlrollout.modelserver.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.mlrollout.modelserver.support.InferBodies;
import io.mlrollout.modelserver.support.ServerState;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad input gets a 4xx with the protocol's {"error": ...} naming the problem, never a 500. */
@QuarkusTest
class BadInputTest {

    private static final String INFER = "/v2/models/iris/infer";

    @TestHTTPResource(INFER)
    URI inferUri;

    @BeforeEach
    void modelLoaded() {
        ServerState.awaitReady();
    }

    @AfterEach
    void serverStillServes() {
        given().body(InferBodies.typicalRow("setosa")).post(INFER).then().statusCode(200);
    }

    static Stream<Arguments> badBodies() {
        String row = "[5.0,3.4,1.5,0.2]";
        return Stream.of(
                Arguments.of("malformed JSON", "{\"inputs\": [ {\"name\": ", "malformed JSON at line 1"),
                Arguments.of("empty body", "", "the request body is empty"),
                Arguments.of("not an object", "[1,2,3]", "must be a JSON object"),
                Arguments.of("no inputs", "{\"id\":\"x\"}", "needs an \"inputs\" array"),
                Arguments.of("input without name", "{\"inputs\":[{\"datatype\":\"FP32\",\"shape\":[1,4],\"data\":" + row + "}]}",
                        "needs a string \"name\""),
                Arguments.of("unknown input", "{\"inputs\":[{\"name\":\"features\",\"datatype\":\"FP32\",\"shape\":[1,4],\"data\":"
                        + row + "}]}", "unknown input 'features'"),
                Arguments.of("wrong datatype", InferBodies.input("INT64", "[1,4]", "[5,3,1,0]"),
                        "input 'input' has datatype INT64 but the model expects FP32"),
                Arguments.of("datatype other than the model's", InferBodies.input("FP16", "[1,4]", row), "has datatype FP16 but the model expects FP32"),
                Arguments.of("not a protocol datatype", InferBodies.input("FLOAT", "[1,4]", row), "datatype FLOAT, which is not an Open Inference Protocol datatype"),
                Arguments.of("out of FP32 range", InferBodies.input("FP32", "[1,4]", "[5.0,1e39,1.5,0.2]"), "data element 1 is out of range for FP32"),
                Arguments.of("text in data", InferBodies.input("FP32", "[1,4]", "[5.0,\"3.4\",1.5,0.2]"), "data element 1 is not a number"),
                Arguments.of("fraction in integer data", InferBodies.input("INT32", "[1,4]", "[5,3.5,1,0]"), "data element 1 is not an integer"),
                Arguments.of("shape vs data", InferBodies.input("FP32", "[2,4]", row), "which holds 8 elements, but 4 data elements were sent"),
                Arguments.of("shape vs model", InferBodies.input("FP32", "[1,5]", "[5.0,3.4,1.5,0.2,9]"), "but the model expects [-1,4]"),
                Arguments.of("negative dimension", InferBodies.input("FP32", "[-1,4]", row), "not all non-negative integers"),
                Arguments.of("empty batch", InferBodies.input("FP32", "[0,4]", "[]"), "is an empty batch"),
                Arguments.of("unknown output", "{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[1,4],\"data\":"
                        + row + "}],\"outputs\":[{\"name\":\"probabilities\"}]}", "unknown output 'probabilities'"),
                Arguments.of("binary size without binary data", "{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[1,4],"
                        + "\"parameters\":{\"binary_data_size\":16}}]}", "declares binary_data_size 16 but only 0 bytes"),
                Arguments.of("id not a string", "{\"id\":7,\"inputs\":[]}", "\"id\" must be a string"),
                Arguments.of("parameters not an object", "{\"parameters\":[1],\"inputs\":[]}", "\"parameters\" that are not an object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void answers400NamingTheProblem(String description, String body, String message) {
        given().contentType(ContentType.JSON).body(body).post(INFER)
                .then().statusCode(400).contentType(ContentType.JSON).body("error", containsString(message));
    }

    @Test
    void aBodyOverTheLimitIs413BeforeItIsRead() {
        byte[] body = InferBodies.oversized();
        given().contentType(ContentType.JSON).body(body).post(INFER)
                .then().statusCode(413).body("error", containsString("over the limit of 1048576 bytes"));
    }

    @Test
    void aChunkedBodyOverTheLimitIs413WithAProtocolErrorOnceRead() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(inferUri)
                .header("Content-Type", "application/json")
                // An input stream of unknown length is sent chunked, without Content-Length.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(InferBodies.oversized())))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).startsWith("{\"error\":").contains("over the limit of 1048576 bytes");
    }

    @Test
    void theServerStaysLiveAfterBadInput() {
        given().body("{{{{").post(INFER).then().statusCode(400);
        given().get("/v2/health/live").then().statusCode(200).body("live", is(true));
        given().get("/v2/health/ready").then().statusCode(200);
    }
}
