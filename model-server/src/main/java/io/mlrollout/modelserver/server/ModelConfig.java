package io.mlrollout.modelserver.server;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The model to serve, from MODEL_NAME, MODEL_VERSION, MODEL_URI, MODEL_SHA256 and MODEL_DOWNLOAD_*. */
@ConfigMapping(prefix = "model")
public interface ModelConfig {

    /** The name clients address: /v2/models/{name}. */
    String name();

    String version();

    /** file:, http(s): or classpath: location of the ONNX file. */
    String uri();

    /** Hex sha256 the file must have; a mismatch fails the load. */
    Optional<String> sha256();

    Download download();

    interface Download {
        /** Bound on connecting, on each read and on the whole download of an http(s) model. */
        @WithDefault("60s")
        Duration timeout();

        /** Larger http(s) model files are refused. Default 512 MiB. */
        @WithDefault("536870912")
        long maxBytes();
    }
}
