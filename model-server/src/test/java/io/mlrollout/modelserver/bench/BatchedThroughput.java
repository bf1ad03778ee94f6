package io.mlrollout.modelserver.bench;

import io.mlrollout.modelserver.inference.ServedModel;
import io.mlrollout.modelserver.inference.Tensor;
import io.mlrollout.modelserver.inference.TensorData;
import io.mlrollout.modelserver.support.InferBodies;
import io.mlrollout.modelserver.support.SampleModels;
import io.mlrollout.modelserver.support.ServerProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Dynamic batching against its ceiling, on the slow sample (whose engine time dwarfs everything
 * else): 32 HTTP clients sending one-row requests to a server that batches up to {@value #BATCH}
 * rows, against in-process prediction of {@value #BATCH}-row batches on as many threads as the
 * server has predictors (one per CPU), the most the engine can do. Throughput is rows per second.
 */
final class BatchedThroughput {

    static final int BATCH = 16;
    private static final int CLIENTS = 32;
    private static final String DELAY = "20ms";
    private static final double SLICE_SECONDS = 2;

    private BatchedThroughput() {}

    static void run(Path serverJar, int slices) throws Exception {
        int predictors = Runtime.getRuntime().availableProcessors();
        String model = SampleModels.IRIS_SLOW;
        System.out.printf("%nbatched: %s, server INFERENCE_BATCH_MAX_SIZE=%d INFERENCE_BATCH_MAX_DELAY=%s, %d clients x 1 row;"
                + " in-process: %d threads x %d-row batches; %d alternating slices of %.0f s per mode%n",
                model, BATCH, DELAY, CLIENTS, predictors, BATCH, Math.max(3, slices / 2), SLICE_SECONDS);
        try (ServedModel served = InferenceBenchmark.loadInProcess(model);
                ServerProcess server = InferenceBenchmark.start(serverJar, model,
                        Map.of("INFERENCE_BATCH_MAX_SIZE", Integer.toString(BATCH), "INFERENCE_BATCH_MAX_DELAY", DELAY))) {
            List<Tensor> batch = List.of(rows(BATCH));
            byte[] body = InferBodies.typicalRow("virginica").getBytes(StandardCharsets.UTF_8);
            LoadRun.CallFactory inProcess = () -> () -> served.infer(batch, List.of());
            LoadRun.CallFactory http = () -> InferenceBenchmark.httpCall(server, body);
            LoadRun.run(predictors, inProcess, 2, 0.1);
            LoadRun.run(CLIENTS, http, 3, 0.1);
            List<LoadRun.Samples> local = new ArrayList<>();
            List<LoadRun.Samples> remote = new ArrayList<>();
            for (int slice = 0; slice < Math.max(3, slices / 2); slice++) {
                local.add(LoadRun.run(predictors, inProcess, 0.5, SLICE_SECONDS));
                remote.add(LoadRun.run(CLIENTS, http, 0.5, SLICE_SECONDS));
            }
            BenchmarkReport.printBatched(LoadRun.Result.of(predictors, local), BATCH, LoadRun.Result.of(CLIENTS, remote));
        }
    }

    private static Tensor rows(int count) {
        float[] typical = SampleModels.typical("virginica");
        float[] values = new float[count * typical.length];
        for (int row = 0; row < count; row++) {
            System.arraycopy(typical, 0, values, row * typical.length, typical.length);
        }
        return new Tensor("input", new long[] {count, typical.length}, TensorData.of(values));
    }
}
