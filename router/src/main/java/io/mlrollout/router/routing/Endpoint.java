package io.mlrollout.router.routing;

/** Where one Ready model-server pod listens: its pod IP and the port of its container port named {@code http}. */
public record Endpoint(String host, int port) {

    public Endpoint {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("an endpoint needs a host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " of " + host + " is not in 1..65535");
        }
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
