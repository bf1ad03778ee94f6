package io.mlrollout.modelserver.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlrollout.modelserver.support.LocalModelServer;
import io.mlrollout.modelserver.support.SampleModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading the real sample models through every URI scheme, and every way a load can fail. */
class ModelLoaderTest {

    @TempDir
    Path workDir;

    private ServedModel load(String uri, Optional<String> sha256) throws ModelLoadException {
        return loader(1L << 30, Duration.ofSeconds(10)).load(new ModelReference("iris", "v1", uri, sha256));
    }

    private ModelLoader loader(long maxBytes, Duration timeout) {
        return new ModelLoader(new LoaderSettings(workDir, timeout, maxBytes, 2, 1));
    }

    @Test
    void loadsAClasspathModelWithItsSignatureLabelsAndChecksum() throws Exception {
        try (ServedModel model = load(SampleModels.IRIS_V1, Optional.of(SampleModels.sha256("iris-v1")))) {
            assertThat(model.signature().inputs()).containsExactly(new TensorSpec("input", TensorType.FP32, new long[] {-1, 4}));
            assertThat(model.signature().outputs()).containsExactly(new TensorSpec("output", TensorType.FP32, new long[] {-1, 3}));
            assertThat(model.classLabels()).containsExactlyInAnyOrder("setosa", "versicolor", "virginica");
            assertThat(model.sha256()).isEqualTo(SampleModels.sha256("iris-v1"));
        }
    }

    @Test
    void predictsTheSpeciesOfTypicalFlowers() throws Exception {
        for (String sample : List.of("iris-v1", "iris-v2", "iris-slow")) {
            try (ServedModel model = load("classpath:models/" + sample + "/model.onnx", Optional.empty())) {
                for (String species : SampleModels.SPECIES) {
                    InferenceResult result = model.infer(List.of(SampleModels.typicalRow(species)), List.of());
                    long[] counts = result.predictedClassCounts();
                    assertThat(counts[model.classLabels().indexOf(species)]).as(sample + " on a typical " + species).isEqualTo(1);
                }
            }
        }
    }

    @Test
    void loadsAFileUri() throws Exception {
        Path copy = workDir.resolve("copy.onnx");
        Files.write(copy, SampleModels.bytes("iris-v2"));
        try (ServedModel model = load(copy.toUri().toString(), Optional.of(SampleModels.sha256("iris-v2")))) {
            assertThat(model.sha256()).isEqualTo(SampleModels.sha256("iris-v2"));
            assertThat(model.classLabels()).as("no labels.txt beside it: column indices").containsExactly("0", "1", "2");
        }
    }

    @Test
    void theSchemaBreakingModelExpectsFiveFeatures() throws Exception {
        try (ServedModel model = load(SampleModels.IRIS_SCHEMA_BREAK, Optional.empty())) {
            assertThat(model.signature().inputs().get(0).shape()).containsExactly(-1, 5);
            assertThatThrownBy(() -> model.infer(List.of(SampleModels.typicalRow("setosa")), List.of()))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("has shape [1,4] but the model expects [-1,5]");
        }
    }

    @Test
    void refusesAFileWhoseSha256DoesNotMatchThePin() {
        String wrong = SampleModels.sha256("iris-v2");
        assertThatThrownBy(() -> load(SampleModels.IRIS_V1, Optional.of(wrong)))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("sha256 mismatch")
                .hasMessageContaining(wrong)
                .hasMessageContaining(SampleModels.sha256("iris-v1"));
    }

    @Test
    void aCorruptFileFailsToLoadEvenWithAMatchingPin() {
        assertThatThrownBy(() -> load(SampleModels.IRIS_CORRUPT, Optional.of(SampleModels.sha256("iris-corrupt"))))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("not a loadable ONNX model");
    }

    @Test
    void reportsMissingAndUnsupportedLocations() {
        assertThatThrownBy(() -> load("classpath:models/nope/model.onnx", Optional.empty()))
                .hasMessageContaining("no resource 'models/nope/model.onnx' on the classpath");
        assertThatThrownBy(() -> load(workDir.resolve("absent.onnx").toUri().toString(), Optional.empty()))
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> load("s3://bucket/model.onnx", Optional.empty()))
                .hasMessageContaining("scheme 's3' is not supported");
    }

    @Test
    void downloadsOverHttpWithTheLabelsBesideTheModel() throws Exception {
        try (LocalModelServer store = LocalModelServer.start();
                ServedModel model = load(store.uri("/models/iris-v2/model.onnx").toString(), Optional.of(SampleModels.sha256("iris-v2")))) {
            assertThat(model.sha256()).isEqualTo(SampleModels.sha256("iris-v2"));
            assertThat(model.classLabels()).containsExactlyElementsOf(SampleModels.labels("iris-v2"));
            assertThat(store.modelRequests()).isEqualTo(1);
        }
    }

    @Test
    void refusesDownloadsOverTheSizeLimitWithOrWithoutContentLength() throws IOException {
        try (LocalModelServer store = LocalModelServer.start()) {
            for (String path : List.of("/models/iris-slow/model.onnx", "/chunked/models/iris-slow/model.onnx")) {
                assertThatThrownBy(() -> loader(100_000, Duration.ofSeconds(10))
                        .load(new ModelReference("iris", "slow", store.uri(path).toString(), Optional.empty())))
                        .as(path)
                        .hasMessageContaining("over the limit of 100000 bytes (MODEL_DOWNLOAD_MAX_BYTES)");
            }
        }
    }

    @Test
    void givesUpOnAStalledDownloadAtTheTimeout() throws IOException {
        try (LocalModelServer store = LocalModelServer.start()) {
            String uri = store.uri("/stall/model.onnx?token=secret").toString();
            assertThatThrownBy(() -> loader(1L << 20, Duration.ofMillis(300))
                    .load(new ModelReference("iris", "v1", uri, Optional.empty())))
                    .hasMessageContaining("download of")
                    .hasMessageContaining("timed out")
                    .hasMessageNotContaining("secret");
        }
    }

    @Test
    void aMissingRemoteFileIsA404() throws IOException {
        try (LocalModelServer store = LocalModelServer.start()) {
            assertThatThrownBy(() -> load(store.uri("/models/nope/model.onnx").toString(), Optional.empty()))
                    .hasMessageContaining("HTTP 404");
        }
    }
}
