package io.mlrollout.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kustomization renders with kubectl, into objects that are well formed and where they belong. */
class RenderTest {

    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "CustomResourceDefinition", "ClusterRole",
            "ClusterRoleBinding");

    static Stream<Path> kustomizations() {
        return Kustomize.buildable().stream();
    }

    @Test
    void everyKustomizationIsFound() {
        assertThat(Kustomize.buildable().stream().map(Kustomize::relative)).containsExactlyInAnyOrder(
                "manifests/argocd", "manifests/base", "manifests/overlays/gateway-api", "manifests/overlays/prometheus",
                "manifests/samples");
        assertThat(Kustomize.components().stream().map(Kustomize::relative))
                .containsExactlyInAnyOrder("manifests/components/gateway-api", "manifests/components/prometheus");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kustomizations")
    void rendersIntoWellFormedUniqueObjects(Path dir) {
        List<JsonNode> objects = Kustomize.render(dir);
        assertThat(objects).as("objects rendered from %s", Kustomize.relative(dir)).isNotEmpty();
        Set<String> seen = new HashSet<>();
        for (JsonNode object : objects) {
            assertThat(object.path("apiVersion").asText()).as("apiVersion of %s", object).isNotBlank();
            assertThat(object.path("kind").asText()).as("kind of %s", object).isNotBlank();
            assertThat(object.at("/metadata/name").asText()).as("name of %s", object).isNotBlank();
            String id = object.path("kind").asText() + " " + object.at("/metadata/namespace").asText() + "/"
                    + object.at("/metadata/name").asText();
            assertThat(seen.add(id)).as("%s appears twice in %s", id, Kustomize.relative(dir)).isTrue();
        }
    }

    @Test
    void theBaseInstallsTheOperatorAndNothingElse() {
        List<String> objects = Kustomize.render(Repo.MANIFESTS.resolve("base")).stream()
                .map(o -> o.path("kind").asText() + " " + o.at("/metadata/name").asText()).toList();
        assertThat(objects).containsExactlyInAnyOrder(
                "Namespace mlrollout-system",
                "CustomResourceDefinition modeldeployments.mlrollout.io",
                "CustomResourceDefinition rolloutpolicies.mlrollout.io",
                "ServiceAccount mlrollout-operator",
                "ClusterRole mlrollout-operator",
                "ClusterRoleBinding mlrollout-operator",
                "Role mlrollout-operator-leader-election",
                "RoleBinding mlrollout-operator-leader-election",
                "Deployment mlrollout-operator",
                "PodDisruptionBudget mlrollout-operator",
                "Service mlrollout-operator-metrics");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.mlrollout.manifests.RbacTest#operatorInstalls")
    void everyNamespacedObjectOfTheOperatorIsInItsNamespace(Path dir) {
        for (JsonNode object : Kustomize.render(dir)) {
            if (!CLUSTER_SCOPED.contains(object.path("kind").asText())) {
                assertThat(object.at("/metadata/namespace").asText()).as("namespace of %s %s", object.path("kind"),
                        object.at("/metadata/name")).isEqualTo(Repo.OPERATOR_NAMESPACE);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.mlrollout.manifests.RbacTest#operatorInstalls")
    void theCrdsInstalledAreTheGeneratedOnes(Path dir) {
        List<JsonNode> objects = Kustomize.render(dir);
        for (String name : List.of("modeldeployments.mlrollout.io", "rolloutpolicies.mlrollout.io")) {
            JsonNode generated = Yaml.readOne(Repo.crdFile(name + ".yaml"));
            JsonNode rendered = Kustomize.find(objects, "CustomResourceDefinition", name).orElseThrow();
            assertThat(JsonDiff.firstDifference(generated.path("spec"), rendered.path("spec")))
                    .as("spec of CRD %s in %s against crds/%s.yaml", name, Kustomize.relative(dir), name).isEmpty();
        }
    }

    @Test
    void aChangedCrdIsNoticed() {
        JsonNode generated = Yaml.readOne(Repo.crdFile("rolloutpolicies.mlrollout.io.yaml"));
        JsonNode changed = generated.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) changed.at("/spec/names")).put("singular", "policy");
        assertThat(JsonDiff.firstDifference(generated, changed)).contains(
                "/spec/names/singular: expected \"rolloutpolicy\" but was \"policy\"");
    }

    @Test
    void theOperatorNamespaceEnforcesTheRestrictedPodSecurityStandard() {
        JsonNode namespace = Kustomize.find(Kustomize.render(Repo.MANIFESTS.resolve("base")), "Namespace",
                Repo.OPERATOR_NAMESPACE).orElseThrow();
        assertThat(namespace.at("/metadata/labels/pod-security.kubernetes.io~1enforce").asText()).isEqualTo("restricted");
    }

    @Test
    void theSamplesKustomizationHoldsOnlyMlrolloutResources() {
        for (JsonNode object : Kustomize.render(Repo.SAMPLES)) {
            assertThat(object.path("apiVersion").asText()).isEqualTo("mlrollout.io/v1alpha1");
            assertThat(object.at("/metadata/namespace").isMissingNode())
                    .as("samples carry no namespace, so that kubectl apply -n chooses it").isTrue();
        }
    }
}
