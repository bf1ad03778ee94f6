package io.mlrollout.operator.metrics;

/** A Ready model-server pod to scrape: pod IP and container port, as a Service would reach it; HTTPS when the pod serves TLS. */
public record PodEndpoint(String name, String uid, String ip, int port, boolean tls) {

    public PodEndpoint(String name, String uid, String ip, int port) {
        this(name, uid, ip, port, false);
    }

    public String metricsUrl() {
        return url("/q/metrics");
    }

    public String url(String path) {
        return (tls ? "https://" : "http://") + (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + port + path;
    }
}
