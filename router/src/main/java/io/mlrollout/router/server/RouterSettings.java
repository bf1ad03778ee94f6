package io.mlrollout.router.server;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The router's configuration, from the environment ({@code ROUTER_*}; see router/README.md). One router
 * process serves one ModelDeployment.
 */
@ConfigMapping(prefix = "router")
public interface RouterSettings {

    /** ROUTER_NAMESPACE: the namespace of the ModelDeployment. */
    String namespace();

    /** ROUTER_MODEL_DEPLOYMENT: the name of the ModelDeployment. */
    String modelDeployment();

    /** ROUTER_REQUEST_TIMEOUT: the deadline of a user request, both attempts included. */
    @WithDefault("10s")
    Duration requestTimeout();

    /** ROUTER_CANARY_ATTEMPT_TIMEOUT: the bound on a first attempt on the canary, so that a retry on the stable fits in the deadline. */
    @WithDefault("5s")
    Duration canaryAttemptTimeout();

    /** ROUTER_MAX_REQUEST_BYTES: larger request bodies get 413; the body is buffered so that it can be sent twice. */
    @WithDefault("16M")
    MemorySize maxRequestBytes();

    /** ROUTER_EJECT_AFTER: canary failures in a row, while the stable succeeds, that eject the canary. */
    @WithDefault("5")
    int ejectAfter();

    /** ROUTER_HASH_KEY_HEADER: the request header whose value keeps a caller on one version. */
    @WithDefault("x-mlrollout-hash-key")
    String hashKeyHeader();

    /** ROUTER_BACKEND_CONNECTIONS: keep-alive connections per model-server pod, at most. */
    @WithDefault("64")
    int backendConnections();

    /** ROUTER_CONNECT_TIMEOUT: the bound on opening a connection to a pod. */
    @WithDefault("1s")
    Duration connectTimeout();
}
