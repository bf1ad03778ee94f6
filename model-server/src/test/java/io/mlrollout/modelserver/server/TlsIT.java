package io.mlrollout.modelserver.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlrollout.modelserver.support.InferBodies;
import io.mlrollout.modelserver.support.SampleModels;
import io.mlrollout.modelserver.support.ServerProcess;
import io.mlrollout.modelserver.support.TestCertificates;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS_CERT_FILE and TLS_KEY_FILE (PEM, made by openssl for this test) turn the packaged server's
 * one port into HTTPS only; half the pair stops the server at start.
 */
class TlsIT {

    private static final Map<String, String> IRIS = Map.of("MODEL_NAME", "iris", "MODEL_VERSION", "v1", "MODEL_URI", SampleModels.IRIS_V1);

    @TempDir
    Path dir;

    @Test
    void servesHttpsOnlyOnItsPort() throws Exception {
        TestCertificates certificates = TestCertificates.generate(dir);
        Map<String, String> environment = new java.util.HashMap<>(IRIS);
        environment.putAll(Map.of("TLS_CERT_FILE", certificates.certificate().toString(),
                "TLS_KEY_FILE", certificates.privateKey().toString()));
        try (ServerProcess server = ServerProcess.startHttps(ServerProcess.packagedJar(), environment, dir.resolve("server.log"),
                certificates.clientContext())) {
            HttpClient client = HttpClient.newBuilder().sslContext(certificates.clientContext()).build();
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(server.uri("/v2/models/iris/infer"))
                    .POST(HttpRequest.BodyPublishers.ofString(InferBodies.typicalRow("setosa"))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(server.uri("/").getScheme()).isEqualTo("https");

            URI plain = URI.create("http://127.0.0.1:" + server.address().getPort() + "/v2/health/live");
            assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(plain).build(), HttpResponse.BodyHandlers.ofString()))
                    .as("plain HTTP on the TLS port").isInstanceOf(IOException.class);
        }
    }

    @Test
    void refusesToStartWithACertificateButNoKey() throws Exception {
        TestCertificates certificates = TestCertificates.generate(dir);
        Map<String, String> environment = new java.util.HashMap<>(IRIS);
        environment.put("TLS_CERT_FILE", certificates.certificate().toString());
        Path log = dir.resolve("server.log");

        assertThatThrownBy(() -> ServerProcess.start(ServerProcess.packagedJar(), environment, log).close())
                .hasMessageContaining("exited");
        assertThat(Files.readString(log)).contains("TLS needs both TLS_CERT_FILE and TLS_KEY_FILE; only TLS_CERT_FILE is set");
    }
}
