package io.mlrollout.modelserver.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
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
import javax.net.ssl.SSLContext;

/**
 * An HTTP (or HTTPS) server on 127.0.0.1 serving the bundled sample models, as a model store would:
 * {@code /models/...} with a Content-Length, {@code /chunked/models/...} without one,
 * {@code /stall/...} which never answers until the server closes (for timeouts),
 * {@code /presigned/models/...} which answers 403 unless the query is {@code sig=valid} (as a
 * presigned URL's signature covers its query), {@code /forbidden-labels/models/...} whose labels
 * files answer 403 (as object stores answer for missing keys), and {@code /moved/...} which
 * redirects to the same path under {@link #redirectTo}.
 */
public final class LocalModelServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicInteger modelRequests = new AtomicInteger();
    private volatile URI redirectTarget;

    private LocalModelServer(HttpServer server) {
        this.server = server;
    }

    public static LocalModelServer start() throws IOException {
        return serve(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
    }

    /** The same over HTTPS, presenting the certificate of {@code tls}. */
    public static LocalModelServer startHttps(SSLContext tls) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        return serve(server);
    }

    private static LocalModelServer serve(HttpServer server) {
        LocalModelServer local = new LocalModelServer(server);
        server.createContext("/models/", exchange -> local.serve(exchange, false));
        server.createContext("/chunked/models/", exchange -> local.serve(exchange, true));
        server.createContext("/stall/", local::stall);
        server.createContext("/presigned/models/", local::servePresigned);
        server.createContext("/forbidden-labels/models/", local::serveForbiddingLabels);
        server.createContext("/moved/", local::redirect);
        server.setExecutor(local.executor);
        server.start();
        return local;
    }

    public URI uri(String path) {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Where {@code /moved/<rest>} redirects: {@code target + <rest>}. */
    public void redirectTo(URI target) {
        this.redirectTarget = target;
    }

    private void servePresigned(HttpExchange exchange) throws IOException {
        if (!"sig=valid".equals(exchange.getRequestURI().getRawQuery())) {
            refuse(exchange, 403);
            return;
        }
        serve(exchange, false);
    }

    private void serveForbiddingLabels(HttpExchange exchange) throws IOException {
        if (exchange.getRequestURI().getPath().endsWith("/labels.txt")) {
            refuse(exchange, 403);
            return;
        }
        serve(exchange, false);
    }

    private void redirect(HttpExchange exchange) throws IOException {
        try (exchange) {
            String rest = exchange.getRequestURI().getRawPath().substring("/moved/".length());
            String query = exchange.getRequestURI().getRawQuery();
            exchange.getResponseHeaders().add("Location", redirectTarget + rest + (query == null ? "" : "?" + query));
            exchange.sendResponseHeaders(302, -1);
        }
    }

    private static void refuse(HttpExchange exchange, int status) throws IOException {
        try (exchange) {
            exchange.sendResponseHeaders(status, -1);
        }
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
