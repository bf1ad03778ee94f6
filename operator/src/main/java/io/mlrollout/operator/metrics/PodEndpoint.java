package io.mlrollout.operator.metrics;

/** A Ready model-server pod to scrape: pod IP and container port, as a Service would reach it. */
public record PodEndpoint(String name, String uid, String ip, int port) {

    public String metricsUrl() {
        return "http://" + (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + port + "/q/metrics";
    }
}
