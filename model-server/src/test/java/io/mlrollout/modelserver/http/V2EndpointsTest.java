package io.mlrollout.modelserver.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.mlrollout.modelserver.support.InferBodies;
import io.mlrollout.modelserver.support.Predictions;
import io.mlrollout.modelserver.support.SampleModels;
import io.mlrollout.modelserver.support.ServerState;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every Open Inference Protocol v2 endpoint, over real HTTP, serving iris-v1 as "iris" version "v1". */
@QuarkusTest
class V2EndpointsTest {

    @BeforeEach
    void modelLoaded() {
        ServerState.awaitReady();
    }

    @Test
    void serverMetadataAndHealth() {
        given().get("/v2").then().statusCode(200)
                .body("name", is("mlrollout-model-server")).body("version", notNullValue()).body("extensions", contains("binary_tensor_data", "classification"));
        given().get("/v2/health/live").then().statusCode(200).body("live", is(true));
        given().get("/v2/health/ready").then().statusCode(200).body("ready", is(true));
        given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void modelMetadataComesFromTheOnnxGraph() {
        for (String path : List.of("/v2/models/iris", "/v2/models/iris/versions/v1")) {
            given().get(path).then().statusCode(200)
                    .body("name", is("iris"))
                    .body("versions", contains("v1"))
                    .body("platform", is("onnxruntime_onnx"))
                    .body("inputs[0].name", is("input")).body("inputs[0].datatype", is("FP32")).body("inputs[0].shape", contains(-1, 4))
                    .body("outputs[0].name", is("output")).body("outputs[0].datatype", is("FP32")).body("outputs[0].shape", contains(-1, 3))
                    .body("parameters.sha256", is(SampleModels.sha256("iris-v1")))
                    .body("parameters.labels", containsInAnyOrder("setosa", "versicolor", "virginica"));
        }
    }

    @Test
    void modelReadiness() {
        given().get("/v2/models/iris/ready").then().statusCode(200).body("ready", is(true)).body("name", is("iris"));
        given().get("/v2/models/iris/versions/v1/ready").then().statusCode(200).body("ready", is(true));
    }

    @Test
    void unknownModelsAndVersionsAre404WithAMessage() {
        for (String path : List.of("/v2/models/fraud", "/v2/models/fraud/ready", "/v2/models/iris/versions/v9",
                "/v2/models/iris/versions/v9/ready")) {
            given().get(path).then().statusCode(404).contentType(ContentType.JSON)
                    .body("error", containsString("is not served here"));
        }
        for (String path : List.of("/v2/models/fraud/infer", "/v2/models/iris/versions/v9/infer")) {
            given().body(InferBodies.typicalRow("setosa")).post(path).then().statusCode(404)
                    .body("error", containsString("this server serves model 'iris' version 'v1'"));
        }
    }

    @Test
    void infersABatchAndPredictsEachRowsSpecies() {
        List<String> species = List.of("virginica", "setosa", "versicolor", "setosa");
        Response response = given().contentType(ContentType.JSON).body(InferBodies.typicalRows(species))
                .post("/v2/models/iris/infer");

        response.then().statusCode(200)
                .body("model_name", is("iris")).body("model_version", is("v1"))
                .body("outputs", hasSize(1))
                .body("outputs[0].name", is("output")).body("outputs[0].datatype", is("FP32"))
                .body("outputs[0].shape", contains(4, 3));
        assertThat(Predictions.species(response.asString(), "iris-v1")).containsExactlyElementsOf(species);
    }

    @Test
    void theVersionedPathEchoesTheRequestIdAndTakesFlatData() {
        String body = "{\"id\":\"req-42\",\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[1,4],"
                + "\"data\":" + SampleModels.typicalJson("versicolor") + "}],\"outputs\":[{\"name\":\"output\"}]}";
        Response response = given().body(body).header("X-Request-Id", "trace-7").post("/v2/models/iris/versions/v1/infer");

        response.then().statusCode(200).body("id", is("req-42")).header("X-Request-Id", equalTo("trace-7"));
        assertThat(Predictions.species(response.asString(), "iris-v1")).containsExactly("versicolor");
    }
}
