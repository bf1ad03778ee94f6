package io.mlrollout.modelserver.http;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionStage;

/**
 * {@code POST /v2/models/{name}[/versions/{version}]/infer}. The body arrives as raw bytes so that
 * malformed JSON is answered (and counted) like every other client error instead of being turned
 * away by the framework; the work itself happens on the inference workers.
 */
@Path("/v2")
@Produces(MediaType.APPLICATION_JSON)
@NonBlocking
public class InferenceResource {

    private final InferenceHandler handler;

    InferenceResource(InferenceHandler handler) {
        this.handler = handler;
    }

    @POST
    @Path("/models/{name}/infer")
    public CompletionStage<Response> infer(
            @PathParam("name") String name,
            @HeaderParam(RequestIds.HEADER) String requestId,
            @HeaderParam(BinaryBody.HEADER) String inferenceHeaderLength,
            byte[] body) {
        return handler.infer(name, null, body, requestId, inferenceHeaderLength);
    }

    @POST
    @Path("/models/{name}/versions/{version}/infer")
    public CompletionStage<Response> inferVersion(
            @PathParam("name") String name,
            @PathParam("version") String version,
            @HeaderParam(RequestIds.HEADER) String requestId,
            @HeaderParam(BinaryBody.HEADER) String inferenceHeaderLength,
            byte[] body) {
        return handler.infer(name, version, body, requestId, inferenceHeaderLength);
    }
}
