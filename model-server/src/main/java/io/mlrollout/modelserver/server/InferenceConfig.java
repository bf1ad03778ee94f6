package io.mlrollout.modelserver.server;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.OptionalInt;

/** How requests are served, from INFERENCE_* environment variables. */
@ConfigMapping(prefix = "inference")
public interface InferenceConfig {

    /** Worker threads and DJL predictors; default: the number of CPUs. */
    OptionalInt workers();

    /** Requests waiting for a worker beyond this are refused with 503. */
    @WithDefault("128")
    int queueCapacity();

    /** A request not answered within this gets a 503 (server-side timeout). */
    @WithDefault("5s")
    Duration timeout();

    /**
     * Bodies of requests accepted and not yet answered may add up to this; a request that would
     * pass it is refused with 503 (outcome rejected). Default 64 MiB.
     */
    @WithDefault("67108864")
    long queueMaxBytes();

    /** Dynamic batching; off by default. */
    Batch batch();

    /**
     * Requests of a model whose engine calls typically take less than this are predicted on the
     * HTTP event loop, saving the hand-off to a worker thread; 0 always hands off. Not used when
     * batches wait for requests to join (a batch delay above 0).
     */
    @WithDefault("250")
    int eventLoopMaxMicros();

    interface Batch {
        /** Rows per engine call; 1 means no batching. */
        @WithDefault("1")
        int maxSize();

        /** How long the first request of a batch waits for others to join it. */
        @WithDefault("0ms")
        Duration maxDelay();
    }

    /** Larger request bodies get a 413. Default 1 MiB. */
    @WithDefault("1048576")
    int maxRequestBytes();

    /** ONNX Runtime threads per prediction; 1 lets the worker pool use the cores. */
    @WithDefault("1")
    int intraOpThreads();

    default int workerCount() {
        return workers().orElse(Runtime.getRuntime().availableProcessors());
    }
}
