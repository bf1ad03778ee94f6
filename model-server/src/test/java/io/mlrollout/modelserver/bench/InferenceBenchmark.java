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
 * In-process DJL prediction against HTTP inference on the packaged server, on the same model and
 * the same one-row request, at concurrency 1, 8 and 32: throughput, p50, p99 and their ratios.
 * Not a test (timings depend on the machine); run it with
 * {@code ./mvnw -B -pl model-server -Pbenchmark -DskipTests verify}.
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
        Path log = Files.createTempFile("model-server-bench", ".log");
        try (ServedModel served = loadInProcess(model);
                ServerProcess server = ServerProcess.start(serverJar,
                        Map.of("MODEL_NAME", "iris", "MODEL_VERSION", "bench", "MODEL_URI", model), log)) {
            List<Tensor> row = List.of(SampleModels.typicalRow(SPECIES));
            byte[] body = InferBodies.typicalRow(SPECIES).getBytes(StandardCharsets.UTF_8);
            LoadRun.CallFactory inProcess = () -> () -> served.infer(row, List.of());
            LoadRun.CallFactory http = () -> httpCall(server, body);
            // The JIT needs tens of thousands of calls through the HTTP stack before it settles.
            LoadRun.run(8, inProcess, warmup / 4, 0.1);
            LoadRun.run(8, http, warmup, 0.1);
            List<LoadRun.Result> inProcessResults = new ArrayList<>();
            List<LoadRun.Result> httpResults = new ArrayList<>();
            for (int concurrency : CONCURRENCY) {
                List<LoadRun.Samples> local = new ArrayList<>();
                List<LoadRun.Samples> remote = new ArrayList<>();
                // Alternating slices share whatever else the machine is doing between both modes.
                for (int slice = 0; slice < slices; slice++) {
                    local.add(LoadRun.run(concurrency, inProcess, 0.2, 0.5));
                    remote.add(LoadRun.run(concurrency, http, 0.2, 0.5));
                }
                inProcessResults.add(LoadRun.Result.of(concurrency, local));
                httpResults.add(LoadRun.Result.of(concurrency, remote));
            }
            BenchmarkReport.print(inProcessResults, httpResults);
        }
        System.out.printf("load average at the end: %s%n", loadAverage());
    }

    /** Other work on the machine skews every number; the report says how busy it was. */
    private static String loadAverage() throws java.io.IOException {
        Path loadavg = Path.of("/proc/loadavg");
        return Files.exists(loadavg) ? Files.readString(loadavg).trim() : "unknown";
    }

    private static ServedModel loadInProcess(String model) throws Exception {
        LoaderSettings settings = new LoaderSettings(Files.createTempDirectory("model-server-bench"), Duration.ofSeconds(30),
                1L << 30, Runtime.getRuntime().availableProcessors(), 1);
        return new ModelLoader(settings).load(new ModelReference("iris", "bench", model, Optional.empty()));
    }

    private static LoadRun.Call httpCall(ServerProcess server, byte[] body) throws Exception {
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
