package io.mlrollout.api.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.mlrollout.api.v1alpha1.ModelDeployment;
import io.mlrollout.api.v1alpha1.RolloutPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaValidationTest {

    static final Path SAMPLES = Path.of("..", "manifests", "samples");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static CrdSchemaValidator modelDeployments;
    private static CrdSchemaValidator rolloutPolicies;

    @BeforeAll
    static void loadCrds() throws IOException {
        modelDeployments = CrdSchemaValidator.forCrd(CheckedInCrds.checkedIn(ModelDeployment.class));
        rolloutPolicies = CrdSchemaValidator.forCrd(CheckedInCrds.checkedIn(RolloutPolicy.class));
    }

    static Stream<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everySampleIsValid(Path sample) throws IOException {
        for (JsonNode resource : read(sample)) {
            assertThat(validate(resource)).as("%s", sample).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing-model-uri.yaml       | spec.model: required property 'uri' not found
            weight-150.yaml              | spec.steps[1].setWeight: must have a maximum value of 100
            unknown-router.yaml          | spec.traffic.router: does not have a value in the enumeration ["gateway-api", "service"]
            malformed-duration.yaml      | spec.steps[1].pause.duration: does not match the regex pattern
            non-increasing-steps.yaml    | spec.steps: setWeight values must strictly increase from one step to the next
            repeated-weight.yaml         | spec.steps: setWeight values must strictly increase from one step to the next
            step-with-both.yaml          | spec.steps[0]: each step is either setWeight or pause, exactly one of them
            steps-and-shorthand.yaml     | spec: give either steps or the shorthand stepWeight
            gateway-without-parent.yaml  | spec.traffic: traffic.router gateway-api needs traffic.parentRefs
            metric-without-limit.yaml    | spec.analysis.metrics[0]: a metric needs a limit: max, min or maxRelativeToStable
            unknown-metric.yaml          | spec.analysis.metrics[0]: name must be a built-in metric
            unknown-field.yaml           | spec: property 'replica' is not defined in the schema
            bad-sha256.yaml              | spec.model.sha256: does not match the regex pattern
            unsupported-uri.yaml         | spec.model.uri: does not match the regex pattern
            """)
    void badResourcesAreRejectedWithAMessageThatNamesTheProblem(String file, String expected) throws IOException {
        List<JsonNode> resources = read(Path.of("src", "test", "resources", "invalid", file));
        assertThat(validate(resources.get(0))).anySatisfy(v -> assertThat(v).contains(expected));
    }

    private static List<String> validate(JsonNode resource) {
        return switch (resource.path("kind").asText()) {
            case "ModelDeployment" -> modelDeployments.validate(resource);
            case "RolloutPolicy" -> rolloutPolicies.validate(resource);
            default -> throw new IllegalArgumentException("not an mlrollout resource: " + resource.path("kind"));
        };
    }

    static List<JsonNode> read(Path file) throws IOException {
        return YAML.readValues(YAML.getFactory().createParser(file.toFile()), JsonNode.class).readAll();
    }
}
