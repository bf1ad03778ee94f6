package io.mlrollout.modelserver.bench;

import io.mlrollout.modelserver.inference.LoaderSettings;
import io.mlrollout.modelserver.inference.ModelLoader;
import io.mlrollout.modelserver.inference.ModelReference;
import io.mlrollout.modelserver.inference.ServedModel;
import io.mlrollout.modelserver.inference.Tensor;
import io.mlrollout.modelserver.support.InferBodies;
import io.mlrollout.modelserver.support.SampleModels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
        double measure = Double.parseDouble(System.getProperty("bench.measure", "5"));
        System.out.printf("model %s, %d CPUs, one-row requests; per mode %.0f s warm-up at concurrency 8,"
                + " then per level 2 s settling + %.0f s measured%n", model, Runtime.getRuntime().availableProcessors(),
                warmup, measure);

        List<LoadRun.Result> inProcess;
        try (ServedModel served = loadInProcess(model)) {
            List<Tensor> row = List.of(SampleModels.typicalRow(SPECIES));
            inProcess = measureLevels(() -> () -> served.infer(row, List.of()), warmup, measure);
        }
        List<LoadRun.Result> http;
        byte[] body = InferBodies.typicalRow(SPECIES).getBytes(StandardCharsets.UTF_8);
        Path log = Files.createTempFile("model-server-bench", ".log");
        try (ServerProcess server = ServerProcess.start(serverJar, model, log)) {
            http = measureLevels(() -> httpCall(server, body), warmup, measure);
        }
        BenchmarkReport.print(inProcess, http);
    }

    /**
     * The JIT needs tens of thousands of calls through a large HTTP stack before it settles, so
     * each mode is warmed up first; otherwise the first level measured pays for compilation.
     */
    private static List<LoadRun.Result> measureLevels(LoadRun.CallFactory calls, double warmup, double measure)
            throws Exception {
        LoadRun.measure(8, calls, warmup, 0.1);
        List<LoadRun.Result> results = new ArrayList<>();
        for (int concurrency : CONCURRENCY) {
            results.add(LoadRun.measure(concurrency, calls, 2, measure));
        }
        return results;
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
