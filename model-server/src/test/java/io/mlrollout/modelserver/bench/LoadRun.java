package io.mlrollout.modelserver.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs closed-loop load: {@code concurrency} threads each repeat a call as fast as it returns,
 * first to settle, then while latencies are recorded.
 */
final class LoadRun {

    /** One call; returns normally when it succeeded. Closed when its thread is done. */
    interface Call extends AutoCloseable {
        void run() throws Exception;

        @Override
        default void close() throws Exception {}
    }

    /** Makes the call for one thread (e.g. with that thread's own connection). */
    interface CallFactory {
        Call create() throws Exception;
    }

    /** The latencies recorded during {@code seconds} of measurement. */
    record Samples(long[] latencies, double seconds) {}

    record Result(int concurrency, long calls, double seconds, long p50Nanos, long p99Nanos) {
        double throughput() {
            return calls / seconds;
        }

        static Result of(int concurrency, List<Samples> slices) {
            long[] all = slices.stream().flatMapToLong(s -> Arrays.stream(s.latencies())).sorted().toArray();
            double seconds = slices.stream().mapToDouble(Samples::seconds).sum();
            return new Result(concurrency, all.length, seconds, percentile(all, 0.50), percentile(all, 0.99));
        }
    }

    private LoadRun() {}

    static Samples run(int concurrency, CallFactory factory, double settleSeconds, double measureSeconds) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(concurrency);
        try {
            long measureFrom = System.nanoTime() + (long) (settleSeconds * 1e9);
            long end = measureFrom + (long) (measureSeconds * 1e9);
            List<Future<long[]>> perThread = new ArrayList<>();
            for (int t = 0; t < concurrency; t++) {
                perThread.add(threads.submit(loop(factory, measureFrom, end)));
            }
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> latencies : perThread) {
                all.add(latencies.get());
            }
            return new Samples(all.stream().flatMapToLong(Arrays::stream).toArray(), measureSeconds);
        } finally {
            threads.shutdownNow();
        }
    }

    private static Callable<long[]> loop(CallFactory factory, long measureFrom, long end) {
        return () -> {
            long[] latencies = new long[1 << 14];
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
