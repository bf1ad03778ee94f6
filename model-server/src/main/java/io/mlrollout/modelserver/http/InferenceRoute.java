package io.mlrollout.modelserver.http;

import io.mlrollout.modelserver.server.InferenceConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * {@code POST /v2/models/{name}[/versions/{version}]/infer} as a plain Vert.x route: no JAX-RS
 * round trip on the hot path, and the body is read here, so a body over the limit is refused with
 * the protocol's JSON error whether or not it declared its length. Other methods on these paths
 * get 405 (answered by {@link FrameworkErrors}).
 */
@ApplicationScoped
class InferenceRoute {

    /** Before Quarkus REST (which serves the other /v2 endpoints from order 20 000 on). */
    static final int ORDER = 100;
    /** The most of a refused body read and dropped to keep its connection usable (the HTTP layer's old ceiling). */
    private static final long DISCARD_LIMIT = 16L << 20;
    static final List<String> PATHS = List.of("/v2/models/:name/infer", "/v2/models/:name/versions/:version/infer");

    private final InferenceHandler handler;
    private final FrameworkErrors frameworkErrors;
    private final EventLoopPolicy eventLoop;
    private final long maxBytes;
    private final Vertx vertx;

    InferenceRoute(InferenceHandler handler, FrameworkErrors frameworkErrors, EventLoopPolicy eventLoop, InferenceConfig config,
            Vertx vertx) {
        this.handler = handler;
        this.frameworkErrors = frameworkErrors;
        this.eventLoop = eventLoop;
        this.maxBytes = config.maxRequestBytes();
        this.vertx = vertx;
    }

    void register(@Observes Router router) {
        for (String path : PATHS) {
            router.post(path).order(ORDER).handler(this::receive);
            router.route(path).order(ORDER + 1).handler(context -> frameworkErrors.answer(context, 405));
        }
    }

    private void receive(RoutingContext context) {
        HttpServerRequest request = context.request();
        String name = context.pathParam("name");
        String version = context.pathParam("version");
        String requestId = RequestIds.fromHeader(request.getHeader(RequestIds.HEADER));
        long declared = declaredLength(request);
        if (declared > maxBytes) {
            refuseUnread(request, requestId, handler.tooLarge(name, version, requestId, declared, true));
            return;
        }
        if (request.headers().contains(HttpHeaders.EXPECT, HttpHeaders.CONTINUE, true)) {
            request.response().writeContinue();
        }
        Buffer body = Buffer.buffer((int) Math.max(0, Math.min(declared, maxBytes)));
        boolean[] refused = {false};
        request.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (body.length() + chunk.length() > maxBytes) {
                refused[0] = true;
                refuseUnread(request, requestId, handler.tooLarge(name, version, requestId, maxBytes, false));
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(end -> {
            if (!refused[0]) {
                infer(new InferenceHandler.Received(name, version, requestId, body.getBytes(),
                        request.getHeader(BinaryBody.HEADER)), request.response());
            }
        });
    }

    private void infer(InferenceHandler.Received received, HttpServerResponse response) {
        if (eventLoop.mayDecodeHere(received.body().length)) {
            handler.infer(received).thenAccept(reply -> send(response, received.requestId(), reply));
            return;
        }
        vertx.<CompletionStage<InferenceReply>>executeBlocking(() -> handler.infer(received), false)
                .onSuccess(stage -> stage.thenAccept(reply -> send(response, received.requestId(), reply)));
    }

    /** -1 when the body's length is not declared (chunked) or not a number (the HTTP layer refuses that itself). */
    static long declaredLength(HttpServerRequest request) {
        String header = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static Future<Void> send(HttpServerResponse response, String requestId, InferenceReply reply) {
        response.setStatusCode(reply.status())
                .putHeader(RequestIds.HEADER, requestId)
                .putHeader(HttpHeaders.CONTENT_TYPE, reply.contentType());
        reply.jsonLength().ifPresent(length -> response.putHeader(BinaryBody.HEADER, Integer.toString(length)));
        return response.end(Buffer.buffer(reply.body()));
    }

    /**
     * Answers before the body is (fully) read. On HTTP/1.1 the rest of the body must still be
     * consumed before the connection can carry the next request, and a client still sending would
     * not see the answer if the connection closed under it; so the rest is read and dropped, up to
     * {@link #DISCARD_LIMIT} bytes, past which the connection is closed instead.
     */
    static void refuseUnread(HttpServerRequest request, String requestId, InferenceReply reply) {
        if (request.version() != HttpVersion.HTTP_2 && declaredLength(request) > DISCARD_LIMIT) {
            request.response().putHeader(HttpHeaders.CONNECTION, "close");
            send(request.response(), requestId, reply).onComplete(sent -> request.connection().close());
            return;
        }
        send(request.response(), requestId, reply);
        long[] dropped = {0};
        request.handler(chunk -> {
            dropped[0] += chunk.length();
            if (dropped[0] > DISCARD_LIMIT) {
                request.connection().close();
            }
        });
        request.endHandler(null);
        request.resume();
    }
}
