package io.mlrollout.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** docs/reference.md is what ReferenceGenerator makes of crds/*.yaml; -Dreference.update=true rewrites it. */
class ReferenceDocTest {

    static final String UPDATE = "reference.update";
    private static final Path REFERENCE = Repo.DOCS.resolve("reference.md");

    static List<Path> crds() throws IOException {
        try (Stream<Path> files = Files.list(Repo.CRDS)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void theCheckedInReferenceIsGeneratedFromTheCrds() throws IOException {
        String generated = ReferenceGenerator.generate(crds());
        if (Repo.update(UPDATE)) {
            Files.createDirectories(REFERENCE.getParent());
            Files.writeString(REFERENCE, generated);
        }
        assertThat(REFERENCE).as("docs/reference.md; generate it with ./mvnw -pl manifests verify -D%s=true", UPDATE)
                .isRegularFile();
        assertThat(Files.readString(REFERENCE))
                .as("docs/reference.md is out of date with crds/*.yaml; regenerate it with "
                        + "./mvnw -pl manifests verify -D%s=true", UPDATE)
                .isEqualTo(generated);
    }

    @Test
    void everyFieldOfBothResourcesHasARow() throws IOException {
        String reference = ReferenceGenerator.generate(crds());
        for (String path : List.of("spec.model.sha256", "spec.traffic.parentRefs[].sectionName", "spec.serving.resources",
                "status.conditions[].reason", "status.handledRequests.retry", "status.lastAnalysis.metrics[].sampleSize",
                "spec.steps[].pause.duration", "spec.analysis.metrics[].prometheus.query", "spec.analysis.onInconclusive")) {
            assertThat(reference).contains("| `" + path + "` |");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            How often the canary is judged, e.g. 30s. Default 30s.                     | `30s`
            Failed checks in a row that roll the canary back. Default 2.               | `2`
            Gateway namespace. Default: the ModelDeployment's namespace.               | the ModelDeployment's namespace
            The metrics to judge. Default: error-rate at most 1% and latency-p99 at most 1.5 x stable. | error-rate at most 1% and latency-p99 at most 1.5 x stable
            rollback (default, reason InsufficientData) or pause (wait for a person). | `rollback`
            model-server (default: scraped from the pods) or prometheus (default when a query is given). | `model-server`
            How long to wait. Unset: wait for the mlrollout.io/promote annotation.     | wait for the mlrollout.io/promote annotation
            Index of the policy step the rollout is at.                                | ""
            How the pods run. Unset fields take the operator's defaults.               | ""
            """)
    void defaultsAreReadFromTheDescription(String description, String expected) {
        assertThat(ReferenceGenerator.defaultOf(description)).isEqualTo(expected);
    }

    @Test
    void aRowCarriesTypeUnitDefaultAndValidation() {
        JsonNode schema = Yaml.readAll("""
                description: "Shorthand: raise the canary weight by this much at each step. Default 10."
                type: integer
                minimum: 1.0
                maximum: 100.0
                x-kubernetes-validations: [{rule: "self > 0", message: "must be positive"}]
                """).get(0);
        assertThat(ReferenceGenerator.row("spec.stepWeight", "stepWeight", schema, true)).isEqualTo(
                "| `spec.stepWeight` | integer | percent | `10` | **required**; 1 to 100; rule: must be positive "
                        + "| Shorthand: raise the canary weight by this much at each step. Default 10. |\n");
        JsonNode duration = Yaml.readAll("{type: string, pattern: '" + ReferenceGenerator.DURATION_PATTERN + "'}").get(0);
        assertThat(ReferenceGenerator.row("spec.interval", "interval", duration, false))
                .isEqualTo("| `spec.interval` | string | duration |  |  |  |\n");
        JsonNode uri = Yaml.readAll("{type: string, pattern: '^(file://|https?://).+$', description: 'served at /v2/<name>'}")
                .get(0);
        assertThat(ReferenceGenerator.row("spec.uri", "uri", uri, false))
                .isEqualTo("| `spec.uri` | string |  |  | pattern `^(file://\\|https?://).+$` | served at /v2/&lt;name&gt; |\n");
    }
}
