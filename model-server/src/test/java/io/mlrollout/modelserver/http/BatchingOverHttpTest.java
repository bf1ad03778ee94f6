package io.mlrollout.modelserver.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlrollout.modelserver.support.InferBodies;
import io.mlrollout.modelserver.support.ServerState;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * With batching on (one runner, up to 8 rows per call, waiting up to 20 ms for a batch), many
 * clients at once with 1 to 4 rows each get exactly the bytes each request gets on its own, while
 * requests that fail validation, mixed in, fail alone with 400.
 */
@QuarkusTest
@TestProfile(BatchingOverHttpTest.Batching.class)
class BatchingOverHttpTest {

    private static final int THREADS = 8;
    private static final int REQUESTS_PER_THREAD = 12;

    public static class Batching implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("inference.batch.max-size", "8", "inference.batch.max-delay", "20ms", "inference.workers", "1");
        }
    }

    @TestHTTPResource("/v2/models/iris/infer")
    URI inferUri;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void concurrentRequestsGetWhatEachGetsAloneAndBadOnesFailAlone() throws Exception {
        ServerState.awaitReady();
        List<List<String>> bodies = IntStream.range(0, THREADS)
                .mapToObj(thread -> IntStream.range(0, REQUESTS_PER_THREAD).mapToObj(i -> body(thread, i)).toList())
                .toList();
        Map<String, String> alone = new java.util.HashMap<>();
        for (List<String> perThread : bodies) {
            for (String body : perThread) {
                alone.put(body, post(body).body());
            }
        }

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (List<String> perThread : bodies) {
                results.add(pool.submit(clientThread(perThread, alone)));
            }
            for (Future<List<String>> result : results) {
                assertThat(result.get(120, TimeUnit.SECONDS)).as("answers that differ from the request's answer alone").isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Callable<List<String>> clientThread(List<String> bodies, Map<String, String> alone) {
        return () -> {
            List<String> differences = new ArrayList<>();
            for (String body : bodies) {
                HttpResponse<String> response = post(body);
                int expectedStatus = body.contains("\"shape\":[1,5]") ? 400 : 200;
                if (response.statusCode() != expectedStatus || !response.body().equals(alone.get(body))) {
                    differences.add("HTTP " + response.statusCode() + " " + response.body() + " instead of " + alone.get(body));
                }
            }
            return differences;
        };
    }

    private HttpResponse<String> post(String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(inferUri).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** 1 to 4 distinct rows; every fifth request has five features, which the model refuses. */
    private static String body(int thread, int request) {
        if ((thread + request) % 5 == 4) {
            return InferBodies.input("FP32", "[1,5]", "[1,2,3,4," + thread + "]");
        }
        int rows = 1 + (thread * 3 + request) % 4;
        String data = IntStream.range(0, rows)
                .mapToObj(row -> IntStream.range(0, 4)
                        .mapToObj(feature -> String.format(Locale.ROOT, "%.2f", 0.5 + ((thread * 31 + request * 17 + row * 7 + feature * 3) % 70) / 10.0))
                        .collect(Collectors.joining(",", "[", "]")))
                .collect(Collectors.joining(",", "[", "]"));
        return InferBodies.input("FP32", "[" + rows + ",4]", data);
    }
}
