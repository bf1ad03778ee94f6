package io.mlrollout.modelserver.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;

/**
 * The packaged model server ({@code target/quarkus-app/quarkus-run.jar}) started as a separate process
 * on 127.0.0.1, as a pod would run it; {@link #start} returns once it is ready.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final List<String> SERVER_SETTINGS =
            List.of("MODEL_", "INFERENCE_", "DRAIN_PERIOD", "QUARKUS_", "PORT", "AUTH_TOKEN", "TLS_");

    private final Process process;
    private final InetSocketAddress address;
    private final Path log;
    private final SSLContext tls;

    private ServerProcess(Process process, InetSocketAddress address, Path log, SSLContext tls) {
        this.process = process;
        this.address = address;
        this.log = log;
        this.tls = tls;
    }

    /**
     * @param environment the model's settings ({@code MODEL_NAME}, {@code MODEL_VERSION}, {@code MODEL_URI}, ...);
     *     the listening address is added here
     * @param log where the server's output goes
     * @param jvmOptions extra options before {@code -jar}
     */
    public static ServerProcess start(Path quarkusRunJar, Map<String, String> environment, Path log, String... jvmOptions)
            throws IOException {
        return start(quarkusRunJar, environment, log, null, jvmOptions);
    }

    /** The same, for a server configured for HTTPS (TLS_CERT_FILE, TLS_KEY_FILE) that {@code clientTls} trusts. */
    public static ServerProcess startHttps(Path quarkusRunJar, Map<String, String> environment, Path log, SSLContext clientTls)
            throws IOException {
        return start(quarkusRunJar, environment, log, clientTls);
    }

    private static ServerProcess start(Path quarkusRunJar, Map<String, String> environment, Path log, SSLContext tls,
            String... jvmOptions) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m"));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-jar", quarkusRunJar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        // The caller's environment decides every server setting, not whatever the build happens to run with.
        builder.environment().keySet().removeIf(key -> SERVER_SETTINGS.stream().anyMatch(key::startsWith));
        builder.environment().putAll(environment);
        builder.environment().putAll(Map.of("QUARKUS_HTTP_HOST", "127.0.0.1", "QUARKUS_HTTP_PORT", Integer.toString(port)));
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        ServerProcess server = new ServerProcess(builder.start(), new InetSocketAddress("127.0.0.1", port), log, tls);
        try {
            await("model server ready (log: " + log + ")").atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(100))
                    .until(server::ready);
        } catch (RuntimeException notReady) {
            server.close();
            throw notReady;
        }
        return server;
    }

    /** The jar the build packaged: the failsafe run passes its path, else the module's target directory. */
    public static Path packagedJar() {
        return Path.of(System.getProperty("model-server.jar", "target/quarkus-app/quarkus-run.jar"));
    }

    public InetSocketAddress address() {
        return address;
    }

    public URI uri(String path) {
        return URI.create((tls == null ? "http" : "https") + "://127.0.0.1:" + address.getPort() + path);
    }

    public Process process() {
        return process;
    }

    public Path log() {
        return log;
    }

    private boolean ready() {
        if (!process.isAlive()) {
            throw new IllegalStateException("the model server exited with " + process.exitValue() + " (log: " + log + ")");
        }
        try {
            HttpURLConnection connection = (HttpURLConnection) uri("/v2/health/ready").toURL().openConnection();
            if (connection instanceof HttpsURLConnection https) {
                https.setSSLSocketFactory(tls.getSocketFactory());
            }
            return connection.getResponseCode() == 200;
        } catch (IOException notYetListening) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** SIGTERM, and SIGKILL if the process has not exited within a minute. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
