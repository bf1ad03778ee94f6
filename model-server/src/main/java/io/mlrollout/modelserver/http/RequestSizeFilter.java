package io.mlrollout.modelserver.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Turns away inference requests whose declared Content-Length is over the limit before the body
 * is read. Bodies without a length (chunked) are measured once read, in {@link InferenceHandler}.
 */
class RequestSizeFilter {

    private final InferenceHandler handler;

    RequestSizeFilter(InferenceHandler handler) {
        this.handler = handler;
    }

    @ServerRequestFilter
    Optional<Response> refuseOversizedBodies(ContainerRequestContext request) {
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared == null || !"POST".equals(request.getMethod())) {
            return Optional.empty();
        }
        long length;
        try {
            length = Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            return Optional.empty(); // the HTTP layer rejects a malformed length itself
        }
        var path = request.getUriInfo().getPathParameters();
        return handler.refuseOversized(path.getFirst("name"), path.getFirst("version"), length,
                request.getHeaderString(RequestIds.HEADER));
    }
}
