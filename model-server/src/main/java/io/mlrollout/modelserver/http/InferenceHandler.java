package io.mlrollout.modelserver.http;

import io.mlrollout.modelserver.inference.InferenceResult;
import io.mlrollout.modelserver.inference.InferenceScheduler;
import io.mlrollout.modelserver.inference.InferenceScheduler.OverloadedException;
import io.mlrollout.modelserver.inference.InvalidInputException;
import io.mlrollout.modelserver.inference.ModelState;
import io.mlrollout.modelserver.inference.ServedModel;
import io.mlrollout.modelserver.inference.Tensor;
import io.mlrollout.modelserver.metrics.InferenceMetrics;
import io.mlrollout.modelserver.metrics.InferenceMetrics.Outcome;
import io.mlrollout.modelserver.server.InferenceConfig;
import io.mlrollout.modelserver.server.ModelLifecycle;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One inference request end to end, once its body is in: route and readiness checks, decoding and
 * validation, then the engine call, either at once on the calling thread (a fast model, see
 * {@link EventLoopPolicy}) or through the scheduler's queue, then encoding, one metric and one log
 * line. Payloads and predictions never reach the log: only ids, sizes, timings and outcomes.
 */
@ApplicationScoped
class InferenceHandler {

    private static final Logger LOG = LoggerFactory.getLogger(InferenceHandler.class);

    private final ModelLifecycle lifecycle;
    private final ServedModelRoutes routes;
    private final InferenceMetrics metrics;
    private final InferenceConfig config;
    private final JsonResponses responses;
    private final EventLoopPolicy eventLoop;
    private final InferRequestDecoder decoder;
    private final InferResponseEncoder encoder;

    InferenceHandler(ModelLifecycle lifecycle, ServedModelRoutes routes, InferenceMetrics metrics, InferenceConfig config,
            JsonResponses responses, EventLoopPolicy eventLoop) {
        this.lifecycle = lifecycle;
        this.routes = routes;
        this.metrics = metrics;
        this.config = config;
        this.responses = responses;
        this.eventLoop = eventLoop;
        this.decoder = new InferRequestDecoder(responses.mapper());
        this.encoder = new InferResponseEncoder(responses);
    }

    /** The request as received: path parameters, the headers that matter, the body. */
    record Received(String name, String version, String requestId, byte[] body, String inferenceHeaderLength) {}

    /** Whether requests for this path are recorded in the model's metrics (unknown names must not create series). */
    boolean isServed(String name, String version) {
        return routes.notServed(name, version).isEmpty();
    }

    /** Never fails: whatever goes wrong becomes a reply, counted and logged. */
    CompletionStage<InferenceReply> infer(Received request) {
        long start = System.nanoTime();
        try {
            return inferOrThrow(request, start);
        } catch (RuntimeException e) {
            return done(request, start, failureReply(request.requestId(), e));
        }
    }

    private CompletionStage<InferenceReply> inferOrThrow(Received request, long start) {
        Optional<String> notServed = routes.notServed(request.name(), request.version());
        if (notServed.isPresent()) {
            return CompletableFuture.completedFuture(finish(request.requestId(), start, request.body().length,
                    error(404, notServed.get()), false));
        }
        metrics.requestStarted();
        ModelState state = lifecycle.state();
        InferenceScheduler scheduler = lifecycle.scheduler();
        if (!state.isReady() || scheduler == null) {
            return done(request, start, error(503, "model '" + lifecycle.modelName() + "' is not ready: " + state.notReadyReason()));
        }
        ServedModel model = ((ModelState.Ready) state).model();
        InferRequestDecoder.DecodedRequest decoded;
        try {
            decoded = decoder.decode(request.body(), request.inferenceHeaderLength());
            model.validate(decoded.inputs(), decoded.requestedOutputNames());
        } catch (InvalidInputException e) {
            return done(request, start, error(400, e.getMessage()));
        }
        if (eventLoop.mayPredictHere(model, request.body().length, scheduler)) {
            Optional<InferenceReply> now = predictHere(model, decoded, request.requestId());
            if (now.isPresent()) {
                return done(request, start, now.get());
            }
        }
        InferenceScheduler.Request queued = new InferenceScheduler.Request(model.engine(), decoded.inputs(),
                model.batchable(decoded.inputs()), request.body().length);
        return scheduler.submit(queued, config.timeout().toNanos())
                .handle((prediction, failure) -> {
                    try {
                        return prediction != null
                                ? reply(model, decoded, prediction.outputs(), prediction.queueNanos(), prediction.computeNanos())
                                : failureReply(request.requestId(), failure);
                    } catch (RuntimeException e) {
                        return failureReply(request.requestId(), e);
                    }
                })
                .thenApply(reply -> finish(request.requestId(), start, request.body().length, reply, true));
    }

    /** Empty when no predictor is free at this moment: then the request queues like any other. */
    private Optional<InferenceReply> predictHere(ServedModel model, InferRequestDecoder.DecodedRequest decoded, String requestId) {
        long start = System.nanoTime();
        try {
            return model.predictIfIdle(decoded.inputs())
                    .map(outputs -> reply(model, decoded, outputs, 0, System.nanoTime() - start));
        } catch (RuntimeException e) {
            return Optional.of(failureReply(requestId, e));
        }
    }

    private InferenceReply reply(ServedModel model, InferRequestDecoder.DecodedRequest request, List<Tensor> outputs,
            long queueNanos, long computeNanos) {
        metrics.recordEngineCall(queueNanos, computeNanos);
        InferenceResult result = model.result(outputs, request.requestedOutputNames());
        InferResponseEncoder.EncodedResponse response = encoder.encode(model.reference().name(), model.reference().version(),
                request.id(), result.outputs(), request, model::labelsOf);
        return new InferenceReply(200, response.body(), response.jsonLength(), Outcome.SUCCESS, result.predictedClassCounts());
    }

    /**
     * Answers a request whose body is over the limit: before it is read when its Content-Length
     * says so, or as soon as a body without one (chunked) passes the limit while being read.
     */
    InferenceReply tooLarge(String name, String version, String requestId, long bytes, boolean knownSize) {
        long start = System.nanoTime();
        boolean served = isServed(name, version);
        if (served) {
            metrics.requestStarted();
        }
        String size = knownSize ? "is " + bytes + " bytes" : "has more than " + bytes + " bytes";
        return finish(requestId, start, bytes, error(413, "the request body " + size + ", over the limit of "
                + config.maxRequestBytes() + " bytes (INFERENCE_MAX_REQUEST_BYTES)"), served);
    }

    /** Answers a request refused before its body was read (e.g. unauthenticated), counted as {@code outcome}. */
    InferenceReply refused(String name, String version, String requestId, int status, String message) {
        long start = System.nanoTime();
        boolean served = isServed(name, version);
        if (served) {
            metrics.requestStarted();
        }
        return finish(requestId, start, 0, error(status, message), served);
    }

    private CompletionStage<InferenceReply> done(Received request, long start, InferenceReply reply) {
        return CompletableFuture.completedFuture(finish(request.requestId(), start, request.body().length, reply, true));
    }

    private InferenceReply failureReply(String requestId, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof InvalidInputException) {
            return error(400, cause.getMessage());
        }
        if (cause instanceof TimeoutException) {
            return InferenceReply.error(503, Outcome.TIMEOUT, message("inference did not finish within "
                    + config.timeout().toMillis() + " ms (INFERENCE_TIMEOUT)"));
        }
        if (cause instanceof OverloadedException) {
            return InferenceReply.error(503, Outcome.REJECTED, message(cause.getMessage()));
        }
        if (cause instanceof InterruptedException) {
            return error(503, "the server is shutting down");
        }
        LOG.error("request {} failed inside the server", requestId, cause);
        return error(500, "inference failed inside the server; see its log for request " + requestId);
    }

    private InferenceReply error(int status, String text) {
        return InferenceReply.error(status, status < 500 ? Outcome.CLIENT_ERROR : Outcome.SERVER_ERROR, message(text));
    }

    private byte[] message(String text) {
        return responses.bytes(new V2Messages.ErrorBody(text));
    }

    private InferenceReply finish(String requestId, long start, long bytesIn, InferenceReply reply, boolean recorded) {
        long nanos = System.nanoTime() - start;
        if (recorded) {
            metrics.recordRequest(reply.outcome(), nanos);
            metrics.recordPredictions(reply.predictions());
            metrics.requestFinished();
        }
        boolean serverSide = reply.status() >= 500;
        if (LOG.isDebugEnabled() || serverSide) {
            String line = "request {} status {} outcome {} bytes_in {} bytes_out {} micros {}";
            Object[] args = {requestId, reply.status(), reply.outcome().label(), bytesIn, reply.body().length, nanos / 1000};
            if (serverSide) {
                LOG.warn(line, args);
            } else {
                LOG.debug(line, args);
            }
        }
        return reply;
    }
}
