package io.mlrollout.operator.metrics;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** A loopback HTTP server answering each request from a function of its path and query. */
final class TestingHttpServer implements AutoCloseable {

    record Answer(int status, String body) {
    }

    private final HttpServer server;
    private final Map<String, Integer> hits = new ConcurrentHashMap<>();

    TestingHttpServer(Function<String, Answer> answers) throws IOException {
        this(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0), answers);
    }

    /** Serves HTTPS with a fresh self-signed certificate for "model-server.example", not for the IP it listens on. */
    static TestingHttpServer https(Function<String, Answer> answers) throws Exception {
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(selfSignedContext()));
        return new TestingHttpServer(server, answers);
    }

    private static SSLContext selfSignedContext() throws Exception {
        Path keystore = Files.createTempDirectory("testing-https").resolve("server.p12");
        char[] password = "testing".toCharArray();
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", "testing",
                "-alias", "server", "-keyalg", "EC", "-dname", "CN=model-server.example", "-validity", "1")
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keystore)) {
            store.load(in, password);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private TestingHttpServer(HttpServer server, Function<String, Answer> answers) {
        this.server = server;
        server.createContext("/", exchange -> {
            String target = exchange.getRequestURI().getPath()
                    + (exchange.getRequestURI().getQuery() == null ? "" : "?" + exchange.getRequestURI().getQuery());
            hits.merge(exchange.getRequestURI().getPath(), 1, Integer::sum);
            Answer answer = answers.apply(target);
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url() {
        return "http://127.0.0.1:" + port();
    }

    int hits(String path) {
        return hits.getOrDefault(path, 0);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
