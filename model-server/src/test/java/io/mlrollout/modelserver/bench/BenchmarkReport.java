package io.mlrollout.modelserver.bench;

import java.util.List;

/** Prints the benchmark table, the HTTP/in-process ratios and the targets from the issue. */
final class BenchmarkReport {

    private static final double P50_OVERHEAD_TARGET_MICROS = 150;
    private static final double P99_TARGET_MILLIS = 20;

    private BenchmarkReport() {}

    static void print(List<LoadRun.Result> inProcess, List<LoadRun.Result> http) {
        System.out.printf("%n%-11s %5s %14s %10s %10s%n", "mode", "conc", "throughput/s", "p50 us", "p99 us");
        for (int i = 0; i < inProcess.size(); i++) {
            row("in-process", inProcess.get(i));
            row("http", http.get(i));
        }
        System.out.printf("%nhttp vs in-process%n");
        for (int i = 0; i < inProcess.size(); i++) {
            LoadRun.Result local = inProcess.get(i);
            LoadRun.Result remote = http.get(i);
            System.out.printf("conc %2d: throughput x%.3f, p50 +%.0f us (x%.1f), p99 +%.0f us (x%.1f)%n", local.concurrency(),
                    remote.throughput() / local.throughput(), micros(remote.p50Nanos() - local.p50Nanos()),
                    (double) remote.p50Nanos() / local.p50Nanos(), micros(remote.p99Nanos() - local.p99Nanos()),
                    (double) remote.p99Nanos() / local.p99Nanos());
        }
        double addedP50 = micros(http.get(0).p50Nanos() - inProcess.get(0).p50Nanos());
        double p99At32 = http.get(http.size() - 1).p99Nanos() / 1e6;
        System.out.printf("%ntarget: HTTP adds <= %.0f us at p50, concurrency 1: %.0f us -> %s%n", P50_OVERHEAD_TARGET_MICROS,
                addedP50, addedP50 <= P50_OVERHEAD_TARGET_MICROS ? "met" : "MISSED by " + Math.round(addedP50 - P50_OVERHEAD_TARGET_MICROS) + " us");
        System.out.printf("target: p99 < %.0f ms at concurrency 32: %.2f ms -> %s%n", P99_TARGET_MILLIS, p99At32,
                p99At32 < P99_TARGET_MILLIS ? "met" : "MISSED by " + String.format("%.2f", p99At32 - P99_TARGET_MILLIS) + " ms");
    }

    private static void row(String mode, LoadRun.Result result) {
        System.out.printf("%-11s %5d %14.0f %10.1f %10.1f%n", mode, result.concurrency(), result.throughput(),
                micros(result.p50Nanos()), micros(result.p99Nanos()));
    }

    private static double micros(long nanos) {
        return nanos / 1000.0;
    }
}
