package io.mlrollout.e2e.cluster.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The operator as its real built application, pointed at a cluster through a kubeconfig file.
 * It can be killed (SIGKILL, mid-rollout) and started again; each start appends to one log.
 */
public final class OperatorProcess implements io.mlrollout.e2e.cluster.OperatorControl, AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path jar;
    private final Path workDir;
    private final Map<String, String> env = new HashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private ChildProcess jvm;
    private int port;

    /**
     * @param settings extra environment, e.g. {@code MLROLLOUT_DEFAULT_ANALYSIS_INTERVAL}
     */
    public OperatorProcess(Path jar, Path kubeconfig, Path workDir, Map<String, String> settings) {
        this.jar = jar;
        this.workDir = workDir;
        // The API server URL is a build-time setting of the Quarkus client: the kubeconfig is the way in.
        env.put("KUBECONFIG", kubeconfig.toString());
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.putAll(settings);
    }

    /** Starts the operator and waits until its readiness endpoint says UP. */
    @Override
    public synchronized void start() {
        if (jvm != null && jvm.isAlive()) {
            throw new IllegalStateException("the operator is already running (pid " + jvm.pid() + ")");
        }
        port = FreePorts.onLoopback();
        Map<String, String> run = new HashMap<>(env);
        run.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        appendToLog("=== operator start at " + Instant.now() + " on 127.0.0.1:" + port + " ===");
        jvm = ChildProcess.startJar(jar, "256m", run, workDir);
        awaitReady();
    }

    /** SIGKILL, as when the operator's node dies: no shutdown hooks, no goodbye. */
    @Override
    public synchronized void kill() {
        if (jvm != null) {
            jvm.kill();
            appendToLog("=== operator killed at " + Instant.now() + " ===");
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return jvm != null && jvm.isAlive();
    }

    public Path log() {
        return workDir.resolve("output.log");
    }

    @Override
    public String logTail(int lines) {
        return LogFiles.tail(log(), lines);
    }

    @Override
    public synchronized void close() {
        if (jvm != null && jvm.isAlive()) {
            jvm.stop(Duration.ofSeconds(10));
        }
    }

    private void awaitReady() {
        URI ready = URI.create("http://127.0.0.1:" + port + "/q/health/ready");
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!jvm.isAlive()) {
                throw new IllegalStateException("the operator exited with code " + jvm.exitCode() + " while starting:\n" + logTail(40));
            }
            if (answers200(ready)) {
                return;
            }
            pause(Duration.ofMillis(200));
        }
        throw new IllegalStateException("the operator was not ready within " + START_TIMEOUT + ":\n" + logTail(40));
    }

    private boolean answers200(URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the operator", e);
        }
    }

    private void appendToLog(String line) {
        try {
            Files.createDirectories(workDir);
            Files.writeString(log(), line + "\n", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
