package io.mlrollout.modelserver.bench;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The packaged model server started as a separate process on 127.0.0.1, as a pod would run it. */
final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final InetSocketAddress address;

    private ServerProcess(Process process, InetSocketAddress address) {
        this.process = process;
        this.address = address;
    }

    static ServerProcess start(Path quarkusRunJar, String modelUri, Path log) throws IOException {
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar", quarkusRunJar.toString()));
        builder.environment().putAll(java.util.Map.of("MODEL_NAME", "iris", "MODEL_VERSION", "bench", "MODEL_URI", modelUri,
                "QUARKUS_HTTP_HOST", "127.0.0.1", "QUARKUS_HTTP_PORT", Integer.toString(port)));
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        ServerProcess server = new ServerProcess(builder.start(), new InetSocketAddress("127.0.0.1", port));
        await("model server ready (log: " + log + ")").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(server::ready);
        return server;
    }

    InetSocketAddress address() {
        return address;
    }

    private boolean ready() {
        if (!process.isAlive()) {
            throw new IllegalStateException("the model server exited with " + process.exitValue());
        }
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(
                    "http://127.0.0.1:" + address.getPort() + "/v2/health/ready").toURL().openConnection();
            return connection.getResponseCode() == 200;
        } catch (IOException notYetListening) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
    }
}
