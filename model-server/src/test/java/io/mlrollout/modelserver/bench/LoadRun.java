package io.mlrollout.modelserver.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs one closed-loop load level: {@code concurrency} threads each repeat a call as fast as it
 * returns, first to warm up, then while latencies are recorded.
 */
final class LoadRun {

    /** One call; returns normally when it succeeded. Closed when its thread is done. */
    interface Call extends AutoCloseable {
        void run() throws Exception;

        @Override
        default void close() throws Exception {}
    }

    /** Makes the call for one thread (e.g. with that thread's own connection or predictor inputs). */
    interface CallFactory {
        Call create() throws Exception;
    }

    record Result(int concurrency, long calls, double seconds, long p50Nanos, long p99Nanos) {
        double throughput() {
            return calls / seconds;
        }
    }

    private LoadRun() {}

    static Result measure(int concurrency, CallFactory factory, double warmupSeconds, double measureSeconds) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(concurrency);
        try {
            long start = System.nanoTime();
            long measureFrom = start + (long) (warmupSeconds * 1e9);
            long end = measureFrom + (long) (measureSeconds * 1e9);
            List<Future<long[]>> perThread = new ArrayList<>();
            for (int t = 0; t < concurrency; t++) {
                perThread.add(threads.submit(loop(factory, measureFrom, end)));
            }
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> latencies : perThread) {
                all.add(latencies.get());
            }
            long[] latencies = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            return new Result(concurrency, latencies.length, measureSeconds, percentile(latencies, 0.50), percentile(latencies, 0.99));
        } finally {
            threads.shutdownNow();
        }
    }

    private static Callable<long[]> loop(CallFactory factory, long measureFrom, long end) {
        return () -> {
            long[] latencies = new long[1 << 16];
            int count = 0;
            try (Call call = factory.create()) {
                for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
                    call.run();
                    long done = System.nanoTime();
                    if (now >= measureFrom) {
                        if (count == latencies.length) {
                            latencies = Arrays.copyOf(latencies, count * 2);
                        }
                        latencies[count++] = done - now;
                    }
                }
            }
            return Arrays.copyOf(latencies, count);
        };
    }

    private static long percentile(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)];
    }
}
