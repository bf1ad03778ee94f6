package io.mlrollout.modelserver.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Errors raised by the HTTP framework itself still answer {"error": ...} as application/json. */
@QuarkusTest
class FrameworkErrorsTest {

    @Test
    void anUnknownPathIs404WithAProtocolError() {
        given().get("/v2/no/such/thing").then().statusCode(404).contentType(ContentType.JSON)
                .body("error", containsString("/v2/no/such/thing"));
        given().get("/elsewhere").then().statusCode(404).contentType(ContentType.JSON)
                .body("error", not(emptyOrNullString()));
    }

    @Test
    void aWrongMethodIs405WithAProtocolError() {
        given().get("/v2/models/iris/infer").then().statusCode(405).contentType(ContentType.JSON)
                .body("error", not(emptyOrNullString()));
        given().delete("/v2/health/ready").then().statusCode(405).contentType(ContentType.JSON)
                .body("error", not(emptyOrNullString()));
    }
}
