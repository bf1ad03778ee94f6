package io.mlrollout.router.bench;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * A closed-loop load generator on one Vert.x event loop: {@code concurrency} requests in flight, each
 * answered one followed at once by the next, over keep-alive connections. One thread records every
 * latency, so no locks sit in the measured path. The same client serves both targets of a comparison.
 */
final class ClosedLoop implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final Context context = vertx.getOrCreateContext();
    private final HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true),
            new PoolOptions().setHttp1MaxSize(64));
    private final Buffer body;

    ClosedLoop(String body) {
        this.body = Buffer.buffer(body);
    }

    /** Requests per second and latencies (nanoseconds, sorted) of one slice of {@code seconds} against {@code port}. */
    Slice run(int port, String uri, int concurrency, double seconds) {
        CompletableFuture<Slice> done = new CompletableFuture<>();
        context.runOnContext(start -> new Run(port, uri, concurrency, (long) (seconds * 1e9), done).begin());
        return done.join();
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    record Slice(double seconds, long[] latencies, int failures) {
        double throughput() {
            return latencies.length / seconds;
        }
    }

    /** One slice; touched only on the client's event loop. */
    private final class Run {
        private final RequestOptions options;
        private final int concurrency;
        private final long end;
        private final long begin = System.nanoTime();
        private long[] latencies = new long[1 << 14];
        private int count;
        private int failures;
        private int inFlight;
        private final CompletableFuture<Slice> done;

        Run(int port, String uri, int concurrency, long nanos, CompletableFuture<Slice> done) {
            this.options = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port).setURI(uri)
                    .putHeader("Content-Type", "application/json");
            this.concurrency = concurrency;
            this.end = begin + nanos;
            this.done = done;
        }

        void begin() {
            for (int i = 0; i < concurrency; i++) {
                next();
            }
        }

        private void next() {
            inFlight++;
            long sent = System.nanoTime();
            client.request(options).compose(request -> request.send(body)).compose(response -> response.body()
                    .map(answer -> response.statusCode())).onComplete(result -> {
                        inFlight--;
                        long now = System.nanoTime();
                        if (result.succeeded() && result.result() == 200) {
                            record(now - sent);
                        } else {
                            failures++;
                        }
                        if (now < end) {
                            next();
                        } else if (inFlight == 0) {
                            long[] sorted = Arrays.copyOf(latencies, count);
                            Arrays.sort(sorted);
                            done.complete(new Slice((now - begin) / 1e9, sorted, failures));
                        }
                    });
        }

        private void record(long nanos) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
        }
    }
}
