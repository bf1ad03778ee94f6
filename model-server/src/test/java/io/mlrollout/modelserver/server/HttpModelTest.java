package io.mlrollout.modelserver.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import io.mlrollout.modelserver.support.HttpModelStoreResource;
import io.mlrollout.modelserver.support.InferBodies;
import io.mlrollout.modelserver.support.Predictions;
import io.mlrollout.modelserver.support.SampleModels;
import io.mlrollout.modelserver.support.ServerState;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** MODEL_URI over http:// from a model store on 127.0.0.1, with its sha256 pinned: loads and serves. */
@QuarkusTest
@TestProfile(HttpModelTest.DownloadsIrisV2.class)
class HttpModelTest {

    public static class DownloadsIrisV2 implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("model.version", "v2", "model.sha256", SampleModels.sha256("iris-v2"));
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(HttpModelStoreResource.class));
        }
    }

    @Test
    void servesTheDownloadedModelWithItsLabels() {
        ServerState.awaitReady();
        given().get("/v2/models/iris/versions/v2").then().statusCode(200)
                .body("parameters.sha256", is(SampleModels.sha256("iris-v2")))
                .body("parameters.labels", contains(SampleModels.labels("iris-v2").toArray()));

        String response = given().body(InferBodies.typicalRows(SampleModels.SPECIES)).post("/v2/models/iris/infer")
                .then().statusCode(200).body("model_version", is("v2")).extract().asString();
        assertThat(Predictions.species(response, "iris-v2")).containsExactlyElementsOf(SampleModels.SPECIES);
    }
}
