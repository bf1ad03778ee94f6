package io.mlrollout.modelserver.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mlrollout.modelserver.support.InferBodies;
import io.mlrollout.modelserver.support.Predictions;
import io.mlrollout.modelserver.support.SampleModels;
import io.mlrollout.modelserver.support.ServerProcess;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM on the packaged server, started as a pod runs it ({@code Process.destroy()} sends SIGTERM on
 * Linux): readiness turns "not ready" at once on every readiness endpoint while inference keeps
 * answering through the drain period and liveness stays OK; the process exits only after the drain.
 * A client sends inference requests back to back across the signal, so requests are in flight when
 * it arrives and new ones keep coming during the drain, as from a Service whose endpoints still list
 * the pod.
 */
class GracefulDrainIT {

    /** DRAIN_PERIOD when it is not set. */
    private static final Duration DEFAULT_DRAIN = Duration.ofSeconds(5);
    /** quarkus.shutdown.timeout: requests in flight after the drain get this long. */
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration EXIT_TIMEOUT = DEFAULT_DRAIN.plus(SHUTDOWN_TIMEOUT).plusSeconds(30);
    private static final String SPECIES = "setosa";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void stopEverything() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    @Test
    void sigtermTurnsReadinessDownAtOnceWhileInferenceServesThroughTheDrainThenTheProcessExits() throws Exception {
        ServerProcess server = start(Map.of()); // DRAIN_PERIOD unset: the default applies
        InferenceTraffic traffic = closeLater(new InferenceTraffic(http, server));
        await("inference traffic flowing").atMost(Duration.ofSeconds(30)).until(() -> traffic.successes() >= 5);

        long signalled = System.nanoTime();
        server.process().destroy();
        long drainEndsNoSoonerThan = signalled + DEFAULT_DRAIN.toNanos();

        // A refused connection here (the server already gone) fails the wait at once.
        await("readiness reports not ready").atMost(DEFAULT_DRAIN).pollInterval(Duration.ofMillis(20))
                .until(() -> get(server, "/v2/health/ready").statusCode() == 503);
        long notReadySince = System.nanoTime();
        HttpResponse<String> ready = get(server, "/v2/health/ready");
        HttpResponse<String> modelReady = get(server, "/v2/models/iris/ready");
        HttpResponse<String> versionReady = get(server, "/v2/models/iris/versions/v1/ready");
        HttpResponse<String> quarkusReady = get(server, "/q/health/ready");
        HttpResponse<String> live = get(server, "/v2/health/live");
        HttpResponse<String> quarkusLive = get(server, "/q/health/live");
        assertThat(System.nanoTime() - drainEndsNoSoonerThan).as("the probes were answered within the drain").isNegative();

        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).contains("\"ready\":false", "shutting down");
        for (HttpResponse<String> response : List.of(modelReady, versionReady)) {
            assertThat(response.statusCode()).as(response.uri().getPath()).isEqualTo(503);
            assertThat(response.body()).contains("\"name\":\"iris\"", "\"ready\":false", "shutting down");
        }
        assertThat(quarkusReady.statusCode()).isEqualTo(503);
        assertThat(quarkusReady.body()).contains("DOWN", "shutting down");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.body()).contains("\"live\":true");
        assertThat(quarkusLive.statusCode()).isEqualTo(200);

        await("inference requests sent after readiness turned down are answered")
                .atMost(DEFAULT_DRAIN).until(() -> traffic.successesSentAfter(notReadySince) >= 3);

        assertThat(server.process().waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).as("the server exited").isTrue();
        Duration exitedAfter = Duration.ofNanos(System.nanoTime() - signalled);
        assertThat(exitedAfter).as("the process exits only after the drain").isGreaterThanOrEqualTo(DEFAULT_DRAIN);

        traffic.close();
        // Every request answered before the drain could have ended got a correct prediction: those in flight
        // at the signal as well as those sent during the drain.
        List<InferenceTraffic.Exchange> exchanges = traffic.exchanges();
        assertThat(exchanges).filteredOn(exchange -> exchange.receivedAt() - drainEndsNoSoonerThan < 0)
                .isNotEmpty().allMatch(InferenceTraffic.Exchange::correct);

        String log = Files.readString(server.log());
        assertThat(log.lines().filter(line -> line.contains("shutdown requested"))).singleElement().asString()
                .contains("draining for 5000 ms (DRAIN_PERIOD)");
        assertThat(log).as("no request payload in the log").doesNotContain(SampleModels.typicalJson(SPECIES));
    }

    @Test
    void aZeroDrainPeriodStopsWithoutDraining() throws Exception {
        ServerProcess server = start(Map.of("DRAIN_PERIOD", "0"));

        long signalled = System.nanoTime();
        server.process().destroy();

        assertThat(server.process().waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).as("the server exited").isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - signalled)).as("no 5 s default drain").isLessThan(DEFAULT_DRAIN);
        assertThat(Files.readString(server.log())).contains("shutdown requested: no drain (DRAIN_PERIOD is 0)");
    }

    private ServerProcess start(Map<String, String> settings) throws IOException {
        Map<String, String> environment = new HashMap<>(Map.of(
                "MODEL_NAME", "iris", "MODEL_VERSION", "v1", "MODEL_URI", SampleModels.IRIS_V1, "INFERENCE_WORKERS", "2"));
        environment.putAll(settings);
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        // Its own tmpdir: ONNX Runtime unpacks its native library there, and the JUnit directory is removed.
        return closeLater(ServerProcess.start(ServerProcess.packagedJar(), environment, dir.resolve("server.log"),
                "-Djava.io.tmpdir=" + tmp));
    }

    private <T extends AutoCloseable> T closeLater(T closeable) {
        toClose.add(closeable);
        return closeable;
    }

    private HttpResponse<String> get(ServerProcess server, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(10)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * One client sending the same one-row inference request back to back on its own thread, recording
     * every exchange, until an answer is not a correct 200 (the drain is over, or broken) or it is closed.
     */
    private static final class InferenceTraffic implements AutoCloseable {

        /** {@code status} -1: no answer (connection refused or reset). Times are System.nanoTime(). */
        record Exchange(long sentAt, long receivedAt, int status, boolean correct) {}

        private final HttpClient http;
        private final ServerProcess server;
        private final List<Exchange> exchanges = new ArrayList<>();
        private final Thread thread;
        private volatile boolean stopped;

        InferenceTraffic(HttpClient http, ServerProcess server) {
            this.http = http;
            this.server = server;
            this.thread = new Thread(this::run, "inference-traffic");
            thread.setDaemon(true);
            thread.start();
        }

        private void run() {
            HttpRequest request = HttpRequest.newBuilder(server.uri("/v2/models/iris/infer"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(InferBodies.typicalRow(SPECIES)))
                    .build();
            boolean correct = true;
            while (correct && !stopped) {
                long sent = System.nanoTime();
                int status = -1;
                try {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    status = response.statusCode();
                    correct = status == 200 && Predictions.species(response.body(), "iris-v1").equals(List.of(SPECIES));
                } catch (IOException noAnswer) {
                    correct = false;
                } catch (InterruptedException e) {
                    return;
                }
                synchronized (exchanges) {
                    exchanges.add(new Exchange(sent, System.nanoTime(), status, correct));
                }
            }
        }

        long successes() {
            return exchanges().stream().filter(Exchange::correct).count();
        }

        /** Correct answers to requests sent after {@code nanoTime}. */
        long successesSentAfter(long nanoTime) {
            return exchanges().stream().filter(e -> e.correct() && e.sentAt() - nanoTime > 0).count();
        }

        List<Exchange> exchanges() {
            synchronized (exchanges) {
                return List.copyOf(exchanges);
            }
        }

        @Override
        public void close() throws InterruptedException {
            stopped = true;
            thread.interrupt();
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
    }
}
