package io.mlrollout.modelserver.http;

import io.mlrollout.modelserver.inference.ModelState;
import io.mlrollout.modelserver.inference.ServedModel;
import io.mlrollout.modelserver.inference.TensorSpec;
import io.mlrollout.modelserver.server.ModelLifecycle;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Health and metadata of the Open Inference Protocol v2. Readiness is 200 only when the model can
 * serve and the server is not draining before shutdown; otherwise 503 with the reason (v2 clients
 * read any non-200 as "not ready").
 */
@Path("/v2")
@Produces(MediaType.APPLICATION_JSON)
@NonBlocking
public class V2Resource {

    /** Named as Triton names them, which is what clients look for. */
    static final List<String> EXTENSIONS = List.of("binary_tensor_data", "classification");

    private final ModelLifecycle lifecycle;
    private final ServedModelRoutes routes;
    private final JsonResponses responses;
    private final String serverVersion;

    V2Resource(ModelLifecycle lifecycle, ServedModelRoutes routes, JsonResponses responses,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown") String serverVersion) {
        this.lifecycle = lifecycle;
        this.routes = routes;
        this.responses = responses;
        this.serverVersion = serverVersion;
    }

    @GET
    public Response server() {
        return responses.json(200, new V2Messages.ServerMetadata("mlrollout-model-server", serverVersion, EXTENSIONS));
    }

    @GET
    @Path("/health/live")
    public Response live() {
        return responses.json(200, new V2Messages.Live(true));
    }

    @GET
    @Path("/health/ready")
    public Response ready() {
        Optional<String> notReady = lifecycle.notReadyReason();
        return notReady.isEmpty()
                ? responses.json(200, new V2Messages.Ready(true, null))
                : responses.json(503, new V2Messages.Ready(false, notReady.get()));
    }

    @GET
    @Path("/models/{name}")
    public Response model(@PathParam("name") String name) {
        return modelMetadata(name, null);
    }

    @GET
    @Path("/models/{name}/versions/{version}")
    public Response modelVersion(@PathParam("name") String name, @PathParam("version") String version) {
        return modelMetadata(name, version);
    }

    @GET
    @Path("/models/{name}/ready")
    public Response modelReady(@PathParam("name") String name) {
        return modelReadiness(name, null);
    }

    @GET
    @Path("/models/{name}/versions/{version}/ready")
    public Response modelVersionReady(@PathParam("name") String name, @PathParam("version") String version) {
        return modelReadiness(name, version);
    }

    private Response modelReadiness(String name, String version) {
        Optional<String> notServed = routes.notServed(name, version);
        if (notServed.isPresent()) {
            return responses.error(404, notServed.get());
        }
        Optional<String> notReady = lifecycle.notReadyReason();
        return responses.json(notReady.isEmpty() ? 200 : 503,
                new V2Messages.ModelReady(name, lifecycle.modelVersion(), notReady.isEmpty(), notReady.orElse(null)));
    }

    private Response modelMetadata(String name, String version) {
        Optional<String> notServed = routes.notServed(name, version);
        if (notServed.isPresent()) {
            return responses.error(404, notServed.get());
        }
        if (!(lifecycle.state() instanceof ModelState.Ready ready)) {
            return responses.error(503, "model '" + name + "' is not ready: " + lifecycle.state().notReadyReason());
        }
        ServedModel model = ready.model();
        Map<String, Object> parameters = Map.of("sha256", model.sha256(), "labels", model.classLabels());
        return responses.json(200, new V2Messages.ModelMetadata(name, List.of(lifecycle.modelVersion()),
                "onnxruntime_onnx", describe(model.signature().inputs()), describe(model.signature().outputs()), parameters));
    }

    private static List<V2Messages.TensorMetadata> describe(List<TensorSpec> specs) {
        return specs.stream().map(spec -> new V2Messages.TensorMetadata(spec.name(), spec.type().name(), spec.shape())).toList();
    }
}
