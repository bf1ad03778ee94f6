package io.mlrollout.modelserver.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlrollout.modelserver.inference.InferenceResult;
import io.mlrollout.modelserver.inference.LoaderSettings;
import io.mlrollout.modelserver.inference.ModelLoader;
import io.mlrollout.modelserver.inference.ModelReference;
import io.mlrollout.modelserver.inference.ServedModel;
import io.mlrollout.modelserver.inference.Sha256;
import io.mlrollout.modelserver.inference.Tensor;
import io.mlrollout.modelserver.inference.TensorData;
import io.mlrollout.modelserver.support.SampleModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The committed sample models are what the generator makes: regenerating them gives models with
 * the same labels and the same predictions, and the committed checksums match the committed files.
 */
class SampleModelsTest {

    @TempDir
    static Path regenerated;

    @TempDir
    Path workDir;

    @BeforeAll
    static void regenerate() throws Exception {
        new SampleModelGenerator(regenerated).generateAll();
    }

    @ParameterizedTest
    @ValueSource(strings = {"iris-v1", "iris-v2", "iris-schema-break", "iris-slow", "iris-corrupt"})
    void theCommittedChecksumIsTheCommittedFiles(String name) {
        assertThat(sha256Hex(SampleModels.bytes(name))).isEqualTo(SampleModels.sha256(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"iris-v1", "iris-v2", "iris-schema-break", "iris-slow"})
    void regenerationPredictsLikeTheCommittedModel(String name) throws Exception {
        Path fresh = regenerated.resolve(name).resolve("model.onnx");
        assertThat(Files.readAllLines(regenerated.resolve(name).resolve("labels.txt"))).isEqualTo(SampleModels.labels(name));
        try (ServedModel committed = load("classpath:models/" + name + "/model.onnx");
                ServedModel again = load(fresh.toUri().toString())) {
            List<Tensor> probe = List.of(probeRows(committed.signature().inputs().get(0).shape()[1]));
            float[] expected = scores(committed.infer(probe, List.of()));
            float[] actual = scores(again.infer(probe, List.of()));
            for (int i = 0; i < expected.length; i++) {
                assertThat(actual[i]).as(name + " score " + i).isCloseTo(expected[i], within(1e-4f));
            }
        }
    }

    @Test
    void goodModelsRecordTheirProvenanceAndAreAccurate() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (String name : List.of("iris-v1", "iris-v2", "iris-schema-break")) {
            JsonNode provenance = json.readTree(regenerated.resolve(name).resolve("provenance.json").toFile());
            assertThat(provenance.path("heldOutAccuracy").asDouble()).as(name).isGreaterThanOrEqualTo(0.9);
            assertThat(provenance.path("trainingRows").asInt()).as(name).isPositive();
            assertThat(provenance.has("trainingSeed")).as(name).isTrue();
            assertThat(provenance.path("sha256").asText()).isEqualTo(Sha256.of(regenerated.resolve(name).resolve("model.onnx")));
        }
    }

    private ServedModel load(String uri) throws Exception {
        return new ModelLoader(new LoaderSettings(Files.createTempDirectory(workDir, "m"), Duration.ofSeconds(5), 1L << 30, 1, 1))
                .load(new ModelReference("sample", "1", uri, Optional.empty()));
    }

    /** 20 rows of plausible measurements (cm), plus noise columns for the wider model. */
    private static Tensor probeRows(long features) {
        SplittableRandom random = new SplittableRandom(99);
        float[] data = new float[(int) (20 * features)];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextDouble(0.1, 7.5);
        }
        return new Tensor("input", new long[] {20, features}, TensorData.of(data));
    }

    private static float[] scores(InferenceResult result) {
        return result.outputs().get(0).data().toFloats();
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
