package io.mlrollout.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlrollout.api.schema.CrdSchemaValidator;
import io.mlrollout.api.v1alpha1.Phase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The docs and samples say only what holds: every YAML example parses, every ModelDeployment and
 * RolloutPolicy in them passes the CRD schemas, every kustomization example renders with RBAC that
 * passes the check, every relative link resolves, and the runbook covers every phase, condition,
 * reason, Event and metric.
 */
class DocsTest {

    private static final Pattern YAML_BLOCK = Pattern.compile("(?ms)^( *)```yaml\\n(.*?)^\\1```");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Set<String> MLROLLOUT_KINDS = Set.of("ModelDeployment", "RolloutPolicy");

    private static CrdSchemaValidator modelDeployments;
    private static CrdSchemaValidator rolloutPolicies;

    record Example(Path file, int index, String yaml) {
        @Override
        public String toString() {
            return Repo.ROOT.relativize(file) + " example " + index;
        }
    }

    @BeforeAll
    static void loadCrds() throws IOException {
        modelDeployments = CrdSchemaValidator.forCrd(Repo.crdFile("modeldeployments.mlrollout.io.yaml"));
        rolloutPolicies = CrdSchemaValidator.forCrd(Repo.crdFile("rolloutpolicies.mlrollout.io.yaml"));
    }

    static List<Path> docs() throws IOException {
        try (Stream<Path> files = Files.list(Repo.DOCS)) {
            return files.filter(f -> f.toString().endsWith(".md")).sorted().toList();
        }
    }

    static List<Example> examples() throws IOException {
        List<Example> examples = new ArrayList<>();
        for (Path doc : docs()) {
            Matcher block = YAML_BLOCK.matcher(Files.readString(doc));
            for (int i = 1; block.find(); i++) {
                String indent = block.group(1);
                String yaml = block.group(2).lines().map(l -> l.startsWith(indent) ? l.substring(indent.length()) : l)
                        .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
                examples.add(new Example(doc, i, yaml));
            }
        }
        return examples;
    }

    static List<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(Repo.SAMPLES)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private static List<String> validate(JsonNode resource) {
        assertThat(resource.path("apiVersion").asText()).as("apiVersion of %s", resource.at("/metadata/name"))
                .isEqualTo("mlrollout.io/v1alpha1");
        return switch (resource.path("kind").asText()) {
            case "ModelDeployment" -> modelDeployments.validate(resource);
            case "RolloutPolicy" -> rolloutPolicies.validate(resource);
            default -> throw new AssertionError("not an mlrollout resource: " + resource.path("kind"));
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everySampleIsValid(Path sample) {
        List<JsonNode> resources = Yaml.readAll(sample);
        assertThat(resources).isNotEmpty();
        for (JsonNode resource : resources) {
            assertThat(validate(resource)).as("%s", Repo.ROOT.relativize(sample)).isEmpty();
        }
    }

    @Test
    void theSamplesKustomizationRendersValidResources() {
        List<JsonNode> rendered = Kustomize.render(Repo.SAMPLES);
        assertThat(rendered).extracting(o -> o.at("/metadata/name").asText())
                .contains("standard-canary", "iris");
        rendered.forEach(resource -> assertThat(validate(resource)).as("%s", resource.at("/metadata/name")).isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyYamlExampleParsesAndEveryResourceInItIsValid(Example example) {
        for (JsonNode document : Yaml.readAll(example.yaml())) {
            if (MLROLLOUT_KINDS.contains(document.path("kind").asText())) {
                assertThat(validate(document)).as("%s", example).isEmpty();
            }
        }
    }

    @Test
    void theDocsShowValidModelDeploymentsAndPolicies() throws IOException {
        long resources = examples().stream().flatMap(e -> Yaml.readAll(e.yaml()).stream())
                .filter(d -> MLROLLOUT_KINDS.contains(d.path("kind").asText())).count();
        assertThat(resources).as("ModelDeployments and RolloutPolicies in docs/*.md").isPositive();
    }

    /** Kustomization examples are written as if in manifests/overlays/&lt;name&gt;/; render them from there. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kustomizationExamples")
    void everyKustomizationExampleRendersWithCheckedRbac(Example example) throws IOException {
        Path dir = Repo.MANIFESTS.resolve("target/doc-examples/" + example.file().getFileName() + "-" + example.index());
        Files.createDirectories(dir);
        String relativeToManifests = dir.relativize(Repo.MANIFESTS).toString().replace('\\', '/') + "/";
        Files.writeString(dir.resolve("kustomization.yaml"), example.yaml().replace("../../", relativeToManifests));
        List<JsonNode> objects = Kustomize.renderNow(dir);
        assertThat(Kustomize.find(objects, "Deployment", Repo.OPERATOR_NAME)).as("%s installs the operator", example).isPresent();
        Set<String> components = Kustomize.componentsUsedBy(dir);
        assertThat(new RbacCheck(Repo.OPERATOR_NAMESPACE, Repo.OPERATOR_NAME)
                .problems(objects, RbacTest.apiAccess(), components)).as("RBAC of %s", example).isEmpty();
        JsonNode pod = Kustomize.find(objects, "Deployment", Repo.OPERATOR_NAME).orElseThrow().at("/spec/template/spec");
        assertThat(OperatorDeploymentTest.restrictedViolations(pod)).isEmpty();
        assertThat(pod.at("/containers/0/env").toString()).as("%s keeps the base's settings", example)
                .contains("MLROLLOUT_LEADER_ELECTION_ENABLED", "POD_NAMESPACE");
    }

    static List<Example> kustomizationExamples() throws IOException {
        List<Example> kustomizations = examples().stream()
                .filter(e -> Yaml.readAll(e.yaml()).stream().anyMatch(d -> "Kustomization".equals(d.path("kind").asText())))
                .toList();
        assertThat(kustomizations).isNotEmpty();
        return kustomizations;
    }

    @Test
    void theWatchNamespacesExampleSetsTheVariable() throws IOException {
        Example example = kustomizationExamples().stream().filter(e -> e.yaml().contains("MLROLLOUT_WATCH_NAMESPACES"))
                .findFirst().orElseThrow();
        Path dir = Repo.MANIFESTS.resolve("target/doc-examples/watch-namespaces");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("kustomization.yaml"),
                example.yaml().replace("../../", dir.relativize(Repo.MANIFESTS).toString().replace('\\', '/') + "/"));
        JsonNode container = Kustomize.find(Kustomize.renderNow(dir), "Deployment", Repo.OPERATOR_NAME).orElseThrow()
                .at("/spec/template/spec/containers/0");
        List<String> env = new ArrayList<>();
        container.path("env").forEach(v -> env.add(v.path("name").asText() + "=" + v.path("value").asText()));
        assertThat(env).contains("MLROLLOUT_WATCH_NAMESPACES=ml,ml-staging", "MLROLLOUT_LEADER_ELECTION_ENABLED=true");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("docs")
    void everyRelativeLinkResolves(Path doc) throws IOException {
        Matcher link = LINK.matcher(Files.readString(doc).replaceAll("`[^`\\n]*`", ""));
        while (link.find()) {
            String target = link.group(1);
            if (target.startsWith("http://") || target.startsWith("https://")) {
                continue;
            }
            String[] parts = target.split("#", 2);
            Path file = parts[0].isEmpty() ? doc : doc.getParent().resolve(parts[0]).normalize();
            assertThat(file).as("link %s in %s", target, doc.getFileName()).exists();
            if (parts.length == 2) {
                assertThat(anchors(file)).as("anchor of link %s in %s", target, doc.getFileName()).contains(parts[1]);
            }
        }
    }

    /** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
    static List<String> anchors(Path markdown) throws IOException {
        List<String> anchors = new ArrayList<>();
        for (String line : Files.readAllLines(markdown)) {
            if (line.startsWith("#")) {
                String heading = line.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT);
                anchors.add(heading.replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'));
            }
        }
        return anchors;
    }

    @Test
    void theRunbookCoversEveryPhaseConditionReasonEventAndMetric() throws IOException {
        String runbook = Files.readString(Repo.DOCS.resolve("runbook.md"));
        for (Phase phase : Phase.values()) {
            assertThat(runbook).as("a section for phase %s", phase).contains("\n### " + phase.name() + "\n");
        }
        for (String condition : List.of("Ready", "Progressing", "Degraded")) {
            assertThat(runbook).as("a section for condition %s", condition).contains("\n### " + condition + "\n");
        }
        for (String reason : List.of("StableVersionReady", "StableVersionNotReady", "Initializing", "RolloutInProgress",
                "WaitingForPromote", "RolloutComplete", "NoRollout", "AsExpected", "InvalidSpec", "AnalysisFailed",
                "InsufficientData", "ProgressDeadlineExceeded", "CanaryFailing", "Aborted", "FirstVersionFailed")) {
            assertThat(runbook).as("condition reason %s", reason).contains("| `" + reason + "` |");
        }
        for (String event : List.of("RolloutStarted", "WeightChanged", "Paused", "Promoted", "Aborted", "RolledBack",
                "Superseded", "InvalidSpec", "AnalysisFailed", "Available", "FirstVersionFailed")) {
            assertThat(runbook).as("Event %s", event).containsPattern("\\| `" + event + "` \\| (Normal|Warning) \\|");
        }
        for (String metric : List.of("mlrollout_rollouts_started_total", "mlrollout_rollouts_promoted_total",
                "mlrollout_rollouts_aborted_total", "mlrollout_rollouts_rolled_back_total", "mlrollout_canary_weight",
                "mlrollout_analysis_checks_total", "operator_sdk_reconciliations_failed_total",
                "model_inference_requests_total", "model_inference_duration_seconds", "model_loaded")) {
            assertThat(runbook).as("metric %s", metric).contains("`" + metric + "`");
        }
    }

    @Test
    void theInstallGuideShowsTheCommandsUsersNeed() throws IOException {
        String install = Files.readString(Repo.DOCS.resolve("install.md"));
        assertThat(install).contains("kubectl apply -k manifests/base", "kubectl get mdep -w", "kubectl describe mdep",
                "kubectl wait --for=condition=Ready mdep/iris", "kubectl annotate mdep/iris mlrollout.io/promote=$(date +%s)",
                "mlrollout.io/abort=$(date +%s)", "mlrollout.io/retry=$(date +%s)", "status.handledRequests");
    }
}
