package io.mlrollout.modelserver.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlrollout.modelserver.support.InferBodies;
import io.mlrollout.modelserver.support.Predictions;
import io.mlrollout.modelserver.support.SampleModels;
import io.mlrollout.modelserver.support.ServerState;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Many client threads at once against a pool of two predictors: every answer must be a 200 with
 * the right species for its own request (a predictor shared between threads would mix them up).
 */
@QuarkusTest
class ConcurrentInferenceTest {

    private static final int THREADS = 16;
    private static final int REQUESTS_PER_THREAD = 15;

    @TestHTTPResource("/v2/models/iris/infer")
    URI inferUri;

    @BeforeEach
    void modelLoaded() {
        ServerState.awaitReady();
    }

    @Test
    void everyThreadGetsItsOwnCorrectPredictions() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                results.add(pool.submit(clientThread(client, t)));
            }
            for (Future<List<String>> result : results) {
                assertThat(result.get(120, TimeUnit.SECONDS)).as("mismatches seen by one client thread").isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Sends requests whose batch composition differs per thread and per request; returns mismatches. */
    private Callable<List<String>> clientThread(HttpClient client, int thread) {
        return () -> {
            List<String> mismatches = new ArrayList<>();
            for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
                List<String> expected = batch(thread, i);
                HttpRequest request = HttpRequest.newBuilder(inferUri)
                        .POST(HttpRequest.BodyPublishers.ofString(InferBodies.typicalRows(expected))).build();
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                List<String> actual = response.statusCode() == 200 ? Predictions.species(response.body(), "iris-v1") : List.of("HTTP " + response.statusCode());
                if (!actual.equals(expected)) {
                    mismatches.add("expected " + expected + " got " + actual);
                }
            }
            return mismatches;
        };
    }

    private static List<String> batch(int thread, int request) {
        int size = 1 + (thread + request) % 5;
        List<String> species = new ArrayList<>(size);
        for (int row = 0; row < size; row++) {
            species.add(SampleModels.SPECIES.get((thread * 7 + request * 3 + row) % SampleModels.SPECIES.size()));
        }
        return species;
    }
}
