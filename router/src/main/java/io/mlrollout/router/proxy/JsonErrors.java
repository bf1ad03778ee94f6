package io.mlrollout.router.proxy;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/** Errors in the Open Inference Protocol's form, {@code {"error": "..."}} as {@code application/json}, like the model server's. */
final class JsonErrors {

    private JsonErrors() {
    }

    static Future<Void> send(HttpServerResponse response, int status, String message) {
        if (response.ended() || response.headWritten()) {
            return Future.succeededFuture();
        }
        return response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(new JsonObject().put("error", message).encode());
    }

    static void warmUp() {
        new JsonObject().put("error", "").encode();
    }
}
