package io.mlrollout.router.proxy;

import io.mlrollout.router.routing.Endpoint;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A stand-in for one model-server pod on 127.0.0.1: answers {@code POST .../infer} and GETs as the model
 * server would (JSON, {@code {"error": ...}} on errors, the request id echoed), with a behaviour the test
 * switches, and counts what it received.
 */
final class TestingModelServer implements AutoCloseable {

    enum Behaviour { ANSWER, SERVER_ERROR, CLIENT_ERROR, HANG }

    private final Vertx vertx;
    private final String version;
    private final HttpServer server;
    private final AtomicReference<Behaviour> behaviour = new AtomicReference<>(Behaviour.ANSWER);
    private final AtomicInteger received = new AtomicInteger();
    private final AtomicReference<HttpServerRequest> last = new AtomicReference<>();

    TestingModelServer(Vertx vertx, String version) throws Exception {
        this.vertx = vertx;
        this.version = version;
        this.server = vertx.createHttpServer().requestHandler(this::handle).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    Endpoint endpoint() {
        return new Endpoint("127.0.0.1", server.actualPort());
    }

    TestingModelServer behave(Behaviour next) {
        behaviour.set(next);
        return this;
    }

    int received() {
        return received.get();
    }

    String lastHeader(String name) {
        return last.get() == null ? null : last.get().getHeader(name);
    }

    private void handle(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            received.incrementAndGet();
            last.set(request);
            String id = request.getHeader("X-Request-Id");
            if (id != null) {
                request.response().putHeader("X-Request-Id", id);
            }
            request.response().putHeader("Content-Type", "application/json");
            boolean badRequest = body.toString().contains("\"bad\"");
            switch (badRequest ? Behaviour.CLIENT_ERROR : behaviour.get()) {
                case ANSWER -> request.response().end("{\"model_name\":\"iris\",\"model_version\":\"" + version
                        + "\",\"received_bytes\":" + body.length() + "}");
                case SERVER_ERROR -> request.response().setStatusCode(500).end(error("the engine failed"));
                case CLIENT_ERROR -> request.response().setStatusCode(400).end(error("input 'input' has shape [1, 4], the model takes [-1, 5]"));
                case HANG -> { }
            }
        });
    }

    /** Written by hand: the first use of Jackson can hold this event loop for seconds on a loaded machine. */
    private static String error(String message) {
        return "{\"error\":\"" + message.replace("\"", "\\\"") + "\"}";
    }

    @Override
    public void close() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
