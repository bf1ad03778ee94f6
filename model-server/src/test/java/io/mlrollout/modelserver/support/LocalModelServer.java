package io.mlrollout.modelserver.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain HTTP server on 127.0.0.1 serving the bundled sample models, as a model store would:
 * {@code /models/...} with a Content-Length, {@code /chunked/models/...} without one, and
 * {@code /stall/...} which never answers until the server closes (for timeouts).
 */
public final class LocalModelServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicInteger modelRequests = new AtomicInteger();

    private LocalModelServer(HttpServer server) {
        this.server = server;
    }

    public static LocalModelServer start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        LocalModelServer local = new LocalModelServer(server);
        server.createContext("/models/", exchange -> local.serve(exchange, false));
        server.createContext("/chunked/models/", exchange -> local.serve(exchange, true));
        server.createContext("/stall/", local::stall);
        server.setExecutor(local.executor);
        server.start();
        return local;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** How many model files (not labels) were requested, to show a download happens once. */
    public int modelRequests() {
        return modelRequests.get();
    }

    private void serve(HttpExchange exchange, boolean chunked) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String resource = path.substring(path.indexOf("models/"));
        if (resource.endsWith(".onnx")) {
            modelRequests.incrementAndGet();
        }
        try (exchange; InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] bytes = in.readAllBytes();
            exchange.sendResponseHeaders(200, chunked ? 0 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private void stall(HttpExchange exchange) {
        try (exchange) {
            closing.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
