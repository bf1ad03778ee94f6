package io.mlrollout.api.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.mlrollout.api.v1alpha1.ModelDeployment;
import io.mlrollout.api.v1alpha1.RolloutPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every field of every sample survives reading into the Java types and writing back. */
class SampleRoundTripTest {

    static Stream<Path> samples() throws IOException {
        return SchemaValidationTest.samples();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void sampleRoundTripsThroughTheJavaTypes(Path sample) throws IOException {
        for (JsonNode original : SchemaValidationTest.read(sample)) {
            Class<? extends HasMetadata> type = switch (original.path("kind").asText()) {
                case "ModelDeployment" -> ModelDeployment.class;
                case "RolloutPolicy" -> RolloutPolicy.class;
                default -> throw new IllegalArgumentException(sample + ": unexpected kind " + original.path("kind"));
            };
            HasMetadata typed = Serialization.jsonMapper().treeToValue(original, type);
            JsonNode written = Serialization.jsonMapper().valueToTree(typed);
            assertThat(written.path("spec")).as("%s spec", sample).isEqualTo(original.path("spec"));
            assertThat(written.path("metadata").path("name")).isEqualTo(original.path("metadata").path("name"));
        }
    }
}
