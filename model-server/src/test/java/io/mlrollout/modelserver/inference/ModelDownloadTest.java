package io.mlrollout.modelserver.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlrollout.modelserver.support.LocalModelServer;
import io.mlrollout.modelserver.support.SampleModels;
import io.mlrollout.modelserver.support.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model stores as they behave in the wild: presigned URLs (the signature is the query string, and
 * it must reach the labels file too), labels files answered 403 instead of 404, and redirects from
 * http to https (followed) and back (refused), all on 127.0.0.1 with a certificate made for the test.
 */
class ModelDownloadTest {

    @TempDir
    Path workDir;

    private SSLSocketFactory defaultSocketFactory;
    private TestCertificates certificates;

    @BeforeEach
    void trustTheTestCertificate() throws Exception {
        certificates = TestCertificates.generate(Files.createDirectories(workDir.resolve("tls")));
        defaultSocketFactory = HttpsURLConnection.getDefaultSSLSocketFactory();
        HttpsURLConnection.setDefaultSSLSocketFactory(certificates.clientContext().getSocketFactory());
    }

    @AfterEach
    void restoreTrust() {
        HttpsURLConnection.setDefaultSSLSocketFactory(defaultSocketFactory);
    }

    private ServedModel load(String uri) throws Exception {
        Path modelDir = Files.createDirectories(workDir.resolve("model-" + System.nanoTime()));
        return new ModelLoader(new LoaderSettings(modelDir, Duration.ofSeconds(10), 1L << 30, 1, 1))
                .load(new ModelReference("iris", "v2", uri, Optional.of(SampleModels.sha256("iris-v2"))));
    }

    @Test
    void aPresignedModelUrlsQueryStringAlsoFetchesItsLabels() throws Exception {
        try (LocalModelServer store = LocalModelServer.start();
                ServedModel model = load(store.uri("/presigned/models/iris-v2/model.onnx?sig=valid").toString())) {
            assertThat(model.classLabels()).containsExactlyElementsOf(SampleModels.labels("iris-v2"));
        }
    }

    @Test
    void aModelAnswered403FailsToLoad() throws Exception {
        try (LocalModelServer store = LocalModelServer.start()) {
            assertThatThrownBy(() -> load(store.uri("/presigned/models/iris-v2/model.onnx?sig=forged").toString()))
                    .hasMessageContaining("HTTP 403")
                    .hasMessageNotContaining("forged");
        }
    }

    @Test
    void labelsAnswered403AreNoLabelsNotALoadFailure() throws Exception {
        try (LocalModelServer store = LocalModelServer.start();
                ServedModel model = load(store.uri("/forbidden-labels/models/iris-v2/model.onnx").toString())) {
            assertThat(model.classLabels()).containsExactly("0", "1", "2");
        }
    }

    @Test
    void followsARedirectFromHttpToHttpsForTheModelAndItsLabels() throws Exception {
        try (LocalModelServer https = LocalModelServer.startHttps(certificates.serverContext());
                LocalModelServer http = LocalModelServer.start()) {
            http.redirectTo(https.uri("/"));
            try (ServedModel model = load(http.uri("/moved/models/iris-v2/model.onnx").toString())) {
                assertThat(model.classLabels()).containsExactlyElementsOf(SampleModels.labels("iris-v2"));
                assertThat(https.modelRequests()).isEqualTo(1);
            }
        }
    }

    @Test
    void refusesARedirectFromHttpsToHttp() throws Exception {
        try (LocalModelServer https = LocalModelServer.startHttps(certificates.serverContext());
                LocalModelServer http = LocalModelServer.start()) {
            https.redirectTo(http.uri("/"));
            assertThatThrownBy(() -> load(https.uri("/moved/models/iris-v2/model.onnx").toString()))
                    .hasMessageContaining("refused: a redirect from https to http");
            assertThat(http.modelRequests()).isZero();
        }
    }

    @Test
    void theLabelsUrlKeepsTheModelUrlsQueryString() {
        assertThat(ModelFetcher.besideWithSameQuery(java.net.URI.create("https://store/a/b/model.onnx?X-Sig=1%2B2&e=3"), "labels.txt"))
                .hasToString("https://store/a/b/labels.txt?X-Sig=1%2B2&e=3");
        assertThat(ModelFetcher.besideWithSameQuery(java.net.URI.create("http://store/model.onnx"), "labels.txt"))
                .hasToString("http://store/labels.txt");
    }
}
