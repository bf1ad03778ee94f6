package io.mlrollout.modelserver.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Errors the framework produces before any resource runs (no such path, wrong method, a body over
 * the HTTP layer's ceiling, ...) answer in the protocol's form, {@code application/json} with
 * {@code {"error": "..."}}, as v2 clients parse every non-200 body that way: by default Vert.x and
 * Quarkus REST answer these with an empty or HTML body.
 */
@ApplicationScoped
class FrameworkErrors {

    private static final int[] ROUTER_STATUSES = {400, 404, 405, 413, 414, 415, 431, 500};

    private final JsonResponses responses;

    FrameworkErrors(JsonResponses responses) {
        this.responses = responses;
    }

    void register(@Observes Router router) {
        for (int status : ROUTER_STATUSES) {
            router.errorHandler(status, context -> answer(context, status));
        }
    }

    void answer(RoutingContext context, int status) {
        if (context.response().ended() || context.response().headWritten()) {
            return;
        }
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(Buffer.buffer(responses.bytes(new V2Messages.ErrorBody(message(status, context.request())))));
    }

    /** The same for errors Quarkus REST raises itself (no resource for the path or method, an unacceptable media type). */
    @ServerExceptionMapper
    Response webError(WebApplicationException exception, HttpServerRequest request) {
        int status = exception.getResponse().getStatus();
        return Response.fromResponse(exception.getResponse())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(responses.bytes(new V2Messages.ErrorBody(message(status, request))))
                .build();
    }

    private static String message(int status, HttpServerRequest request) {
        String what = status == 404 ? "no such endpoint" : HttpResponseStatus.valueOf(status).reasonPhrase().toLowerCase(Locale.ROOT);
        return what + ": " + request.method() + " " + request.path();
    }
}
