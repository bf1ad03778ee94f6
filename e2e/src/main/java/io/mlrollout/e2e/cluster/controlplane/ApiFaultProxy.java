package io.mlrollout.e2e.cluster.controlplane;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the operator's pod reaches as its API server: a TLS proxy in front of kube-apiserver that
 * passes every request through (watches streamed as they come; a WebSocket upgrade is refused, and
 * the client then watches over plain HTTP), and on demand makes writes fail
 * for a while, or crashes the operator right after one of its writes has been committed, before
 * the operator hears the answer. Reads are never touched. The operator's own token goes through,
 * so RBAC still decides as without the proxy.
 */
public final class ApiFaultProxy implements AutoCloseable {

    /** A write the operator sent: its method and path, e.g. {@code PUT /apis/apps/v1/namespaces/x/deployments/y}. */
    public record Write(String method, String path) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(ApiFaultProxy.class);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** Hop-by-hop and framing headers: each side of the proxy sets its own. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "transfer-encoding", "keep-alive", "te", "trailer", "proxy-connection", "http2-settings");

    private final HttpsServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "api-fault-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient upstream;
    private final URI upstreamUrl;
    private final AtomicLong injected = new AtomicLong();
    private final AtomicLong crashes = new AtomicLong();
    private final AtomicReference<FailingWrites> failing = new AtomicReference<>();
    private final AtomicReference<CrashAfterWrites> crash = new AtomicReference<>();

    private record FailingWrites(Predicate<Write> which, Instant until, int status) {
    }

    private record CrashAfterWrites(Predicate<Write> which, BooleanSupplier crash) {
    }

    ApiFaultProxy(URI upstreamUrl, SSLContext serving, SSLContext trustingUpstream) {
        this.upstreamUrl = upstreamUrl;
        this.upstream = HttpClient.newBuilder().sslContext(trustingUpstream).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(executor).build();
        try {
            server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the API proxy's port", e);
        }
        server.setHttpsConfigurator(new HttpsConfigurator(serving));
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI url() {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Writes answered with an injected failure so far. */
    public long injectedFailures() {
        return injected.get();
    }

    /** True while writes are being failed on purpose. */
    public boolean failing() {
        FailingWrites failure = failing.get();
        return failure != null && Instant.now().isBefore(failure.until());
    }

    /** From now on and for {@code duration}, answers the matching writes with {@code status} without passing them on. */
    public void failWrites(Predicate<Write> which, Duration duration, int status) {
        failing.set(new FailingWrites(which, Instant.now().plus(duration), status));
    }

    /**
     * Crashes the operator after every matching write it gets committed, until {@link #noCrash}: the
     * crash (e.g. SIGKILL of the operator) runs before the answer is passed on, then the connection is
     * dropped, so the write happened and the operator never learned of it. Each new process makes one
     * write and dies, so a rollout that still ends where it should has survived a crash at every one
     * of its writes. {@code crash} says whether it killed a process (a write still in flight from a
     * process already killed finds none).
     */
    public void crashAfterEveryWrite(Predicate<Write> which, BooleanSupplier crashAction) {
        crash.set(new CrashAfterWrites(which, crashAction));
    }

    /** Operator processes killed right after a committed write so far. */
    public long crashes() {
        return crashes.get();
    }

    /** No more crashes. */
    public void noCrash() {
        crash.set(null);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            if ("websocket".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Upgrade"))) {
                // No upgrades through this proxy. A 200 instead of 101 makes the client watch over plain
                // HTTP at once (a 503 would be retried for seconds first).
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            Write write = WRITES.contains(method) ? new Write(method, exchange.getRequestURI().getPath()) : null;
            if (write != null && failNow(write, exchange)) {
                return;
            }
            HttpResponse<InputStream> response = forward(exchange, method);
            if (write != null && response.statusCode() < 300 && crashNow(write)) {
                response.body().close();
                return;
            }
            relay(exchange, method, response);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client went away (a closed watch, a killed operator): nothing to answer.
            LOG.debug("proxied request ended: {}", e.toString());
        }
    }

    private boolean failNow(Write write, HttpExchange exchange) throws IOException {
        FailingWrites failure = failing.get();
        if (failure == null || Instant.now().isAfter(failure.until()) || !failure.which().test(write)) {
            return false;
        }
        injected.incrementAndGet();
        String reason = failure.status() == 409 ? "Conflict" : "InternalError";
        byte[] body = ("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"injected failure of "
                + write.method() + " " + write.path() + "\",\"reason\":\"" + reason + "\",\"code\":" + failure.status() + "}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(failure.status(), body.length);
        exchange.getResponseBody().write(body);
        return true;
    }

    private boolean crashNow(Write write) {
        CrashAfterWrites armed = crash.get();
        if (armed == null || !armed.which().test(write)) {
            return false;
        }
        if (armed.crash().getAsBoolean()) {
            crashes.incrementAndGet();
            LOG.info("crashed the operator right after {} {}", write.method(), write.path());
        }
        return true;
    }

    private HttpResponse<InputStream> forward(HttpExchange exchange, String method) throws IOException, InterruptedException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        URI target = upstreamUrl.resolve(exchange.getRequestURI().toString());
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
            if (!NOT_FORWARDED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                header.getValue().forEach(value -> request.header(header.getKey(), value));
            }
        }
        return upstream.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    private static void relay(HttpExchange exchange, String method, HttpResponse<InputStream> response) throws IOException {
        response.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        long length = response.headers().firstValueAsLong("content-length").orElse(-1);
        boolean noBody = "HEAD".equals(method) || response.statusCode() == 204 || response.statusCode() == 304;
        // 0 means chunked: a watch streams events for as long as it lasts.
        exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : length >= 0 ? (length == 0 ? -1 : length) : 0);
        try (InputStream in = response.body(); OutputStream out = exchange.getResponseBody()) {
            if (noBody) {
                return;
            }
            byte[] buffer = new byte[16 * 1024];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                // Watch events must reach the operator as they happen, not when a buffer fills.
                out.flush();
            }
        }
    }
}
