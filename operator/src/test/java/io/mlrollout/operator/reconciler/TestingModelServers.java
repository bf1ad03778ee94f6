package io.mlrollout.operator.reconciler;

import com.sun.net.httpserver.HttpServer;
import io.mlrollout.operator.analysis.ServerCountersTestData;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stand-ins for model-server pods, one per version, each on its own loopback address and all on
 * one port, as pods are. Each serves /q/metrics; its counters grow at every scrape by the traffic
 * the test sets for that version.
 */
final class TestingModelServers implements AutoCloseable {

    record Traffic(int requestsPerScrape, double serverErrorShare) {
    }

    private final int port;
    private final List<HttpServer> servers = new ArrayList<>();
    private final Map<String, Traffic> traffic = new ConcurrentHashMap<>();
    private final Map<String, int[]> counters = new ConcurrentHashMap<>();
    private final Map<String, String> notReady = new ConcurrentHashMap<>();

    TestingModelServers() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    void start(String version, String ip) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(ip, port), 0);
        server.createContext("/q/metrics", exchange -> {
            byte[] body = scrape(version).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/v2/health/ready", exchange -> {
            String reason = notReady.get(version);
            byte[] body = (reason == null ? "{\"ready\":true}" : "{\"ready\":false,\"reason\":\"" + reason + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reason == null ? 200 : 503, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        servers.add(server);
    }

    /** The version's readiness endpoint answers 503 with this reason, as a model server that failed to load. */
    void notReady(String version, String reason) {
        notReady.put(version, reason);
    }

    void traffic(String version, int requestsPerScrape, double serverErrorShare) {
        traffic.put(version, new Traffic(requestsPerScrape, serverErrorShare));
    }

    private String scrape(String version) {
        Traffic now = traffic.getOrDefault(version, new Traffic(0, 0));
        int[] count = counters.computeIfAbsent(version, v -> new int[2]);
        synchronized (count) {
            int errors = (int) Math.round(now.requestsPerScrape() * now.serverErrorShare());
            count[0] += now.requestsPerScrape() - errors;
            count[1] += errors;
            return ServerCountersTestData.exposition("iris", count[0], 0, count[1], count[0], 0);
        }
    }

    @Override
    public void close() {
        servers.forEach(s -> s.stop(0));
    }
}
