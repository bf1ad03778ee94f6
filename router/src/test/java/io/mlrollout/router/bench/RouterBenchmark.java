package io.mlrollout.router.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The router's overhead: the same requests from the same client, straight to a backend and through the
 * packaged router (a separate JVM, -Xmx256m, routing from informers on a mock API server), in alternating
 * half-second slices so that whatever else runs on the machine hits both alike. Reports p50 added at
 * concurrency 1 (target at most 200 us) and the throughput ratio at concurrency 32 (target at least 0.8).
 * Not a test; run it with {@code ./mvnw -B -pl router -Pbenchmark -DskipTests verify}.
 */
public final class RouterBenchmark {

    private static final String URI_PATH = "/v2/models/iris/infer";
    private static final String BODY = "{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[1,4],\"data\":[5.9,2.8,4.3,1.3]}]}";
    private static final int[] CONCURRENCY = {1, 32};

    private RouterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path routerJar = Path.of(args[0]);
        double warmup = Double.parseDouble(System.getProperty("bench.warmup", "15"));
        int slices = Integer.getInteger("bench.slices", 10);
        System.out.printf("%d CPUs; a trivial backend answering a fixed response; %.0f s warm-up per mode, then per level %d "
                + "alternating slices of 0.5 s per mode%nload average at the start: %s%n",
                Runtime.getRuntime().availableProcessors(), warmup, slices, loadAverage());
        try (BenchCluster cluster = new BenchCluster(); RouterProcess router = RouterProcess.start(routerJar, cluster);
                ClosedLoop load = new ClosedLoop(BODY)) {
            int direct = cluster.backendPort();
            load.run(direct, URI_PATH, 8, warmup / 3);
            load.run(router.port(), URI_PATH, 8, warmup);
            System.out.printf("%nmode     conc   throughput/s     p50 us     p99 us   failed%n");
            List<String> verdicts = new ArrayList<>();
            for (int concurrency : CONCURRENCY) {
                List<ClosedLoop.Slice> straight = new ArrayList<>();
                List<ClosedLoop.Slice> routed = new ArrayList<>();
                for (int slice = 0; slice < slices; slice++) {
                    straight.add(load.run(direct, URI_PATH, concurrency, 0.5));
                    routed.add(load.run(router.port(), URI_PATH, concurrency, 0.5));
                }
                Summary d = Summary.of(straight);
                Summary r = Summary.of(routed);
                System.out.printf("direct %6d %14.0f %10.1f %10.1f %8d%n", concurrency, d.throughput, d.p50us, d.p99us, d.failures);
                System.out.printf("router %6d %14.0f %10.1f %10.1f %8d%n", concurrency, r.throughput, r.p50us, r.p99us, r.failures);
                verdicts.add(concurrency == 1
                        ? String.format("p50 added at concurrency 1: %.0f us (target <= 200 us) -> %s", r.p50us - d.p50us,
                                r.p50us - d.p50us <= 200 ? "met" : "MISSED")
                        : String.format("throughput at concurrency %d: x%.2f of direct (target >= 0.80) -> %s", concurrency,
                                r.throughput / d.throughput, r.throughput / d.throughput >= 0.8 ? "met" : "MISSED"));
            }
            System.out.println();
            verdicts.forEach(System.out::println);
        }
        System.out.printf("load average at the end: %s%n", loadAverage());
    }

    private static String loadAverage() throws IOException {
        Path loadavg = Path.of("/proc/loadavg");
        return Files.exists(loadavg) ? Files.readString(loadavg).trim() : "unknown";
    }

    /** Slices pooled: total requests over total time, percentiles over every latency. */
    private record Summary(double throughput, double p50us, double p99us, int failures) {
        static Summary of(List<ClosedLoop.Slice> slices) {
            long[] all = slices.stream().flatMapToLong(slice -> Arrays.stream(slice.latencies())).sorted().toArray();
            double seconds = slices.stream().mapToDouble(ClosedLoop.Slice::seconds).sum();
            int failures = slices.stream().mapToInt(ClosedLoop.Slice::failures).sum();
            return new Summary(all.length / seconds, all[all.length / 2] / 1e3, all[(int) (all.length * 0.99)] / 1e3, failures);
        }
    }

    /** The packaged router as a separate process, as a pod runs it. */
    record RouterProcess(Process process, int port) implements AutoCloseable {

        static RouterProcess start(Path jar, BenchCluster cluster) throws Exception {
            int port;
            try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = free.getLocalPort();
            }
            Path log = Files.createTempFile("router-bench", ".log");
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-jar", jar.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("ROUTER_NAMESPACE", "ml");
            builder.environment().put("ROUTER_MODEL_DEPLOYMENT", "bench");
            builder.environment().put("QUARKUS_KUBERNETES_CLIENT_API_SERVER_URL", cluster.apiUrl());
            builder.environment().put("KUBECONFIG", "/nonexistent");
            builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
            builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
            RouterProcess router = new RouterProcess(builder.start(), port);
            router.awaitReady(log, Duration.ofSeconds(120));
            System.out.printf("router log: %s%n", log);
            return router;
        }

        private void awaitReady(Path log, Duration limit) throws Exception {
            HttpClient http = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + limit.toNanos();
            while (System.nanoTime() < deadline && process.isAlive()) {
                try {
                    HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                    if (ready.statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // The port opens a few seconds after the JVM starts.
                }
                Thread.sleep(200);
            }
            throw new IllegalStateException("the router did not turn ready within " + limit + "; its log: " + Files.readString(log));
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor();
        }
    }
}
