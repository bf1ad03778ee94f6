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
