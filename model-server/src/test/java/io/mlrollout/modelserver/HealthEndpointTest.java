package io.mlrollout.modelserver;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HealthEndpointTest {

    @Test
    void answersQuarkusHealth() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
    }
}
