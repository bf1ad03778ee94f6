package io.mlrollout.modelserver.http;

import io.mlrollout.modelserver.inference.InferenceResult;
import io.mlrollout.modelserver.inference.InferenceWorkers.WorkersBusyException;
import io.mlrollout.modelserver.inference.InvalidInputException;
import io.mlrollout.modelserver.inference.ModelState;
import io.mlrollout.modelserver.inference.ServedModel;
import io.mlrollout.modelserver.metrics.InferenceMetrics;
import io.mlrollout.modelserver.metrics.InferenceMetrics.Outcome;
import io.mlrollout.modelserver.server.InferenceConfig;
import io.mlrollout.modelserver.server.ModelLifecycle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One inference request end to end: route and size checks on the event loop, then decoding,
 * prediction and encoding on a bounded worker, then one metric and one log line per request.
 * Payloads and predictions never reach the log: only ids, sizes, timings and outcomes.
 */
@ApplicationScoped
class InferenceHandler {

    private static final Logger LOG = LoggerFactory.getLogger(InferenceHandler.class);
    private static final long[] NO_PREDICTIONS = new long[0];

    private final ModelLifecycle lifecycle;
    private final ServedModelRoutes routes;
    private final InferenceMetrics metrics;
    private final InferenceConfig config;
    private final JsonResponses responses;
    private final InferRequestDecoder decoder;
    private final InferResponseEncoder encoder;

    InferenceHandler(ModelLifecycle lifecycle, ServedModelRoutes routes, InferenceMetrics metrics,
            InferenceConfig config, JsonResponses responses) {
        this.lifecycle = lifecycle;
        this.routes = routes;
        this.metrics = metrics;
        this.config = config;
        this.responses = responses;
        this.decoder = new InferRequestDecoder(responses.mapper());
        this.encoder = new InferResponseEncoder(responses);
    }

    /** The outcome of one request: what to send, how to count it. */
    private record Answer(int status, byte[] body, Outcome outcome, long[] predictions, OptionalInt jsonLength) {}

    /**
     * @param inferenceHeaderLength the {@code Inference-Header-Content-Length} request header (binary
     *     data extension), or null for a plain JSON body
     */
    CompletionStage<Response> infer(String name, String version, byte[] body, String requestIdHeader,
            String inferenceHeaderLength) {
        long start = System.nanoTime();
        String requestId = RequestIds.fromHeader(requestIdHeader);
        Optional<String> notServed = routes.notServed(name, version);
        if (notServed.isPresent()) {
            // Not recorded in the model's metrics: arbitrary names must not create series.
            return CompletableFuture.completedFuture(finish(requestId, start, body.length, error(404, notServed.get()), false));
        }
        ModelState state = lifecycle.state();
        Optional<Answer> refusal = refuseEarly(body, state);
        if (refusal.isPresent()) {
            return CompletableFuture.completedFuture(finish(requestId, start, body.length, refusal.get(), true));
        }
        ServedModel model = ((ModelState.Ready) state).model();
        return lifecycle.workers()
                .submit(() -> predict(model, body, inferenceHeaderLength), config.timeout())
                .handle((answer, failure) -> answer != null ? answer : failureAnswer(requestId, failure))
                .thenApply(answer -> finish(requestId, start, body.length, answer, true));
    }

    /**
     * Answers a request whose Content-Length is already over the limit, before its body is read, so
     * an oversized upload costs neither the transfer nor the memory.
     */
    Optional<Response> refuseOversized(String name, String version, long contentLength, String requestIdHeader) {
        if (contentLength <= config.maxRequestBytes()) {
            return Optional.empty();
        }
        long start = System.nanoTime();
        String requestId = RequestIds.fromHeader(requestIdHeader);
        boolean served = routes.notServed(name, version).isEmpty();
        return Optional.of(finish(requestId, start, contentLength, tooLarge(contentLength), served));
    }

    private Answer tooLarge(long bytes) {
        return error(413, "the request body is " + bytes + " bytes, over the limit of "
                + config.maxRequestBytes() + " bytes (INFERENCE_MAX_REQUEST_BYTES)");
    }

    private Optional<Answer> refuseEarly(byte[] body, ModelState state) {
        if (body.length > config.maxRequestBytes()) {
            return Optional.of(tooLarge(body.length));
        }
        if (!state.isReady() || lifecycle.workers() == null) {
            return Optional.of(error(503, "model '" + lifecycle.modelName() + "' is not ready: " + state.notReadyReason()));
        }
        return Optional.empty();
    }

    private Answer predict(ServedModel model, byte[] body, String inferenceHeaderLength) throws InterruptedException {
        InferRequestDecoder.DecodedRequest request = decoder.decode(body, inferenceHeaderLength);
        InferenceResult result = model.infer(request.inputs(), request.requestedOutputNames());
        InferResponseEncoder.EncodedResponse response = encoder.encode(model.reference().name(), model.reference().version(),
                request.id(), result.outputs(), request, model::labelsOf);
        return new Answer(200, response.body(), Outcome.SUCCESS, result.predictedClassCounts(), response.jsonLength());
    }

    private Answer failureAnswer(String requestId, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof InvalidInputException) {
            return error(400, cause.getMessage());
        }
        if (cause instanceof TimeoutException) {
            return error(503, "inference did not finish within " + config.timeout().toMillis() + " ms (INFERENCE_TIMEOUT)");
        }
        if (cause instanceof WorkersBusyException || cause instanceof InterruptedException) {
            return error(503, cause instanceof InterruptedException ? "the server is shutting down" : cause.getMessage());
        }
        LOG.error("request {} failed inside the server", requestId, cause);
        return error(500, "inference failed inside the server; see its log for request " + requestId);
    }

    private Answer error(int status, String message) {
        Outcome outcome = status < 500 ? Outcome.CLIENT_ERROR : Outcome.SERVER_ERROR;
        return new Answer(status, responses.bytes(new V2Messages.ErrorBody(message)), outcome, NO_PREDICTIONS, OptionalInt.empty());
    }

    private Response finish(String requestId, long start, long bytesIn, Answer answer, boolean recorded) {
        long nanos = System.nanoTime() - start;
        if (recorded) {
            metrics.recordRequest(answer.outcome(), nanos);
            metrics.recordPredictions(answer.predictions());
        }
        if (LOG.isDebugEnabled() || answer.outcome() == Outcome.SERVER_ERROR) {
            String line = "request {} status {} outcome {} bytes_in {} bytes_out {} micros {}";
            Object[] args = {requestId, answer.status(), answer.outcome().label(), bytesIn, answer.body().length, nanos / 1000};
            if (answer.outcome() == Outcome.SERVER_ERROR) {
                LOG.warn(line, args);
            } else {
                LOG.debug(line, args);
            }
        }
        Response.ResponseBuilder response = Response.status(answer.status()).header(RequestIds.HEADER, requestId).entity(answer.body());
        if (answer.jsonLength().isPresent()) {
            response.type(MediaType.APPLICATION_OCTET_STREAM_TYPE).header(BinaryBody.HEADER, answer.jsonLength().getAsInt());
        } else {
            response.type(MediaType.APPLICATION_JSON_TYPE);
        }
        return response.build();
    }
}
