package io.mlrollout.modelserver.bench;

import java.util.List;
import java.util.Map;

/** Prints the benchmark tables, the HTTP/in-process ratios and the targets from the issue. */
final class BenchmarkReport {

    private static final double P50_OVERHEAD_TARGET_MICROS = 100;
    private static final double P99_TARGET_MILLIS = 20;
    private static final double BATCHED_THROUGHPUT_TARGET = 0.8;

    private BenchmarkReport() {}

    /** @param results per mode, per concurrency level in order; "in-process" and "http" at every level */
    static void printHotPath(Map<String, List<LoadRun.Result>> results) {
        System.out.printf("%n%-14s %5s %14s %10s %10s%n", "mode", "conc", "throughput/s", "p50 us", "p99 us");
        List<LoadRun.Result> inProcess = results.get("in-process");
        for (int level = 0; level < inProcess.size(); level++) {
            for (Map.Entry<String, List<LoadRun.Result>> mode : results.entrySet()) {
                if (level < mode.getValue().size()) {
                    row(mode.getKey(), mode.getValue().get(level));
                }
            }
        }
        for (Map.Entry<String, List<LoadRun.Result>> mode : results.entrySet()) {
            if (mode.getKey().equals("in-process")) {
                continue;
            }
            System.out.printf("%n%s vs in-process%n", mode.getKey());
            for (int level = 0; level < mode.getValue().size(); level++) {
                LoadRun.Result local = inProcess.get(level);
                LoadRun.Result remote = mode.getValue().get(level);
                System.out.printf("conc %2d: throughput x%.3f, p50 +%.0f us (x%.1f), p99 +%.0f us (x%.1f)%n", local.concurrency(),
                        remote.throughput() / local.throughput(), micros(remote.p50Nanos() - local.p50Nanos()),
                        (double) remote.p50Nanos() / local.p50Nanos(), micros(remote.p99Nanos() - local.p99Nanos()),
                        (double) remote.p99Nanos() / local.p99Nanos());
            }
        }
        List<LoadRun.Result> http = results.get("http");
        double addedP50 = micros(http.get(0).p50Nanos() - inProcess.get(0).p50Nanos());
        double addedP50Batching = micros(results.get("http batching").get(0).p50Nanos() - inProcess.get(0).p50Nanos());
        double p99At32 = http.get(http.size() - 1).p99Nanos() / 1e6;
        System.out.printf("%ntarget: HTTP adds <= %.0f us at p50, concurrency 1: %.0f us -> %s%n", P50_OVERHEAD_TARGET_MICROS,
                addedP50, addedP50 <= P50_OVERHEAD_TARGET_MICROS ? "met" : "MISSED by " + Math.round(addedP50 - P50_OVERHEAD_TARGET_MICROS) + " us");
        System.out.printf("batching on (max 16 rows, delay 0) at concurrency 1: p50 +%.0f us over in-process, %+.0f us against batching off%n",
                addedP50Batching, addedP50Batching - addedP50);
        System.out.printf("target: p99 < %.0f ms at concurrency 32: %.2f ms -> %s%n", P99_TARGET_MILLIS, p99At32,
                p99At32 < P99_TARGET_MILLIS ? "met" : "MISSED by " + String.format("%.2f", p99At32 - P99_TARGET_MILLIS) + " ms");
    }

    static void printBatched(LoadRun.Result inProcess, int rowsPerCall, LoadRun.Result http) {
        System.out.printf("%n%-22s %5s %10s %10s %10s%n", "mode", "conc", "rows/s", "p50 ms", "p99 ms");
        System.out.printf("%-22s %5d %10.1f %10.1f %10.1f%n", "in-process " + rowsPerCall + "-row", inProcess.concurrency(),
                inProcess.throughput() * rowsPerCall, inProcess.p50Nanos() / 1e6, inProcess.p99Nanos() / 1e6);
        System.out.printf("%-22s %5d %10.1f %10.1f %10.1f%n", "http 1-row, batching", http.concurrency(), http.throughput(),
                http.p50Nanos() / 1e6, http.p99Nanos() / 1e6);
        double ratio = http.throughput() / (inProcess.throughput() * rowsPerCall);
        System.out.printf("%ntarget: batched HTTP throughput >= %.0f%% of in-process batched: %.0f%% -> %s%n",
                BATCHED_THROUGHPUT_TARGET * 100, ratio * 100, ratio >= BATCHED_THROUGHPUT_TARGET ? "met" : "MISSED");
    }

    private static void row(String mode, LoadRun.Result result) {
        System.out.printf("%-14s %5d %14.0f %10.1f %10.1f%n", mode, result.concurrency(), result.throughput(),
                micros(result.p50Nanos()), micros(result.p99Nanos()));
    }

    private static double micros(long nanos) {
        return nanos / 1000.0;
    }
}
