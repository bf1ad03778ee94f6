package io.mlrollout.modelserver.bench;

import io.mlrollout.modelserver.inference.LoaderSettings;
import io.mlrollout.modelserver.inference.ModelLoader;
import io.mlrollout.modelserver.inference.ModelReference;
import io.mlrollout.modelserver.inference.ServedModel;
import io.mlrollout.modelserver.inference.Tensor;
import io.mlrollout.modelserver.support.InferBodies;
import io.mlrollout.modelserver.support.SampleModels;
import io.mlrollout.modelserver.support.ServerProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Two comparisons, each side by side in one run: (1) the hot path: in-process DJL prediction
 * against HTTP inference on the packaged server, same model, same one-row request, at concurrency
 * 1, 8 and 32, with batching off, plus, at concurrency 1, a second server with batching on and no
 * delay; (2) batched throughput on the slow sample ({@link BatchedThroughput}). Not a test (timings
 * depend on the machine); run it with {@code ./mvnw -B -pl model-server -Pbenchmark -DskipTests verify}.
 */
public final class InferenceBenchmark {

    private static final int[] CONCURRENCY = {1, 8, 32};
    private static final String SPECIES = "versicolor";

    private InferenceBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path serverJar = Path.of(args[0]);
        String model = System.getProperty("bench.model", SampleModels.IRIS_V1);
        double warmup = Double.parseDouble(System.getProperty("bench.warmup", "20"));
        int slices = Integer.getInteger("bench.slices", 10);
        System.out.printf("model %s, %d CPUs, one-row requests; %.0f s warm-up per mode, then per level %d"
                + " alternating slices of 0.5 s per mode%n", model, Runtime.getRuntime().availableProcessors(), warmup, slices);

        System.out.printf("load average at the start: %s%n", loadAverage());
        String compareJar = System.getProperty("bench.compare.jar", "");
        try (ServedModel served = loadInProcess(model);
                ServerProcess unbatched = start(serverJar, model, settings(System.getProperty("bench.server.settings", "")));
                ServerProcess batched = start(serverJar, model, Map.of("INFERENCE_BATCH_MAX_SIZE", "16", "INFERENCE_BATCH_MAX_DELAY", "0ms"));
                ServerProcess before = compareJar.isBlank() ? null : start(Path.of(compareJar), model, Map.of())) {
            List<Tensor> row = List.of(SampleModels.typicalRow(SPECIES));
            byte[] body = InferBodies.typicalRow(SPECIES).getBytes(StandardCharsets.UTF_8);
            List<Mode> modes = new ArrayList<>(List.of(
                    new Mode("in-process", () -> () -> served.infer(row, List.of()), false),
                    new Mode("http", () -> httpCall(unbatched, body), false),
                    new Mode("http batching", () -> httpCall(batched, body), true)));
            if (before != null) {
                System.out.printf("\"http before\": the same, batching off, served by %s%n", compareJar);
                modes.add(new Mode("http before", () -> httpCall(before, body), false));
            }
            // The JIT needs tens of thousands of calls through the HTTP stack before it settles.
            for (Mode mode : modes) {
                LoadRun.run(8, mode.calls(), mode.name().equals("in-process") ? warmup / 4 : warmup, 0.1);
            }
            Map<String, List<LoadRun.Result>> results = new java.util.LinkedHashMap<>();
            for (int concurrency : CONCURRENCY) {
                Map<String, List<LoadRun.Samples>> samples = new java.util.LinkedHashMap<>();
                // Alternating slices share whatever else the machine is doing between the modes.
                for (int slice = 0; slice < slices; slice++) {
                    for (Mode mode : modes) {
                        if (concurrency == 1 || !mode.concurrencyOneOnly()) {
                            samples.computeIfAbsent(mode.name(), name -> new ArrayList<>()).add(LoadRun.run(concurrency, mode.calls(), 0.2, 0.5));
                        }
                    }
                }
                samples.forEach((name, slicesOfMode) -> results.computeIfAbsent(name, n -> new ArrayList<>())
                        .add(LoadRun.Result.of(concurrency, slicesOfMode)));
            }
            BenchmarkReport.printHotPath(results);
        }
        if (Boolean.parseBoolean(System.getProperty("bench.batched", "true"))) {
            System.out.printf("%nload average before the batched comparison: %s%n", loadAverage());
            BatchedThroughput.run(serverJar, slices);
        }
        System.out.printf("load average at the end: %s%n", loadAverage());
    }

    /** One way of predicting, measured in alternating slices with the others. */
    private record Mode(String name, LoadRun.CallFactory calls, boolean concurrencyOneOnly) {}

    static ServerProcess start(Path serverJar, String model, Map<String, String> settings) throws java.io.IOException {
        Map<String, String> environment = new java.util.HashMap<>(Map.of("MODEL_NAME", "iris", "MODEL_VERSION", "bench", "MODEL_URI", model));
        environment.putAll(settings);
        return ServerProcess.start(serverJar, environment, Files.createTempFile("model-server-bench", ".log"));
    }

    /** Extra environment for the batching-off server, {@code KEY=VALUE,KEY=VALUE}, for A/B runs of one setting. */
    private static Map<String, String> settings(String list) {
        Map<String, String> settings = new java.util.HashMap<>();
        for (String pair : list.split(",")) {
            if (pair.contains("=")) {
                settings.put(pair.substring(0, pair.indexOf('=')).strip(), pair.substring(pair.indexOf('=') + 1).strip());
            }
        }
        if (!settings.isEmpty()) {
            System.out.printf("batching-off server with %s%n", settings);
        }
        return settings;
    }

    /** Other work on the machine skews every number; the report says how busy it was. */
    static String loadAverage() throws java.io.IOException {
        Path loadavg = Path.of("/proc/loadavg");
        return Files.exists(loadavg) ? Files.readString(loadavg).trim() : "unknown";
    }

    static ServedModel loadInProcess(String model) throws Exception {
        LoaderSettings settings = new LoaderSettings(Files.createTempDirectory("model-server-bench"), Duration.ofSeconds(30),
                1L << 30, Runtime.getRuntime().availableProcessors(), 1);
        return new ModelLoader(settings).load(new ModelReference("iris", "bench", model, Optional.empty()));
    }

    static LoadRun.Call httpCall(ServerProcess server, byte[] body) throws Exception {
        KeepAliveHttpClient client = new KeepAliveHttpClient(server.address(), "/v2/models/iris/infer", body);
        return new LoadRun.Call() {
            @Override
            public void run() throws Exception {
                int status = client.post();
                if (status != 200) {
                    throw new IllegalStateException("HTTP " + status);
                }
            }

            @Override
            public void close() throws Exception {
                client.close();
            }
        };
    }
}
