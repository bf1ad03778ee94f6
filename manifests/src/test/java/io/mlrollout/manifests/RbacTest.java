package io.mlrollout.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The rendered RBAC against the operator's api-access.yaml. */
class RbacTest {

    private static final RbacCheck CHECK = new RbacCheck(Repo.OPERATOR_NAMESPACE, Repo.OPERATOR_NAME);

    static Stream<Path> operatorInstalls() {
        return Kustomize.buildable().stream().filter(dir -> Kustomize.find(Kustomize.render(dir), "Deployment",
                Repo.OPERATOR_NAME).isPresent());
    }

    static List<ApiCall> apiAccess() {
        assertThat(Repo.API_ACCESS).as("the operator's list of API calls").isRegularFile();
        return ApiCall.read(Repo.API_ACCESS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operatorInstalls")
    void rolesGrantExactlyTheCallsTheOperatorMakes(Path dir) {
        Set<String> components = Kustomize.componentsUsedBy(dir);
        List<String> problems = CHECK.problems(Kustomize.render(dir), apiAccess(), components);
        assertThat(problems).as("RBAC of %s (components %s)", Kustomize.relative(dir), components).isEmpty();
    }

    @Test
    void theBaseAndEveryOverlayInstallTheOperator() {
        assertThat(operatorInstalls().map(Kustomize::relative))
                .contains("manifests/base", "manifests/overlays/gateway-api", "manifests/overlays/prometheus");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operatorInstalls")
    void theOperatorRunsAsTheServiceAccountTheRolesAreBoundTo(Path dir) {
        List<JsonNode> objects = Kustomize.render(dir);
        JsonNode deployment = Kustomize.find(objects, "Deployment", Repo.OPERATOR_NAME).orElseThrow();
        assertThat(deployment.at("/metadata/namespace").asText()).isEqualTo(Repo.OPERATOR_NAMESPACE);
        assertThat(deployment.at("/spec/template/spec/serviceAccountName").asText()).isEqualTo(Repo.OPERATOR_NAME);
        assertThat(deployment.at("/spec/template/spec/automountServiceAccountToken").asBoolean(true)).isTrue();
        JsonNode account = Kustomize.find(objects, "ServiceAccount", Repo.OPERATOR_NAME).orElseThrow();
        assertThat(account.at("/metadata/namespace").asText()).isEqualTo(Repo.OPERATOR_NAMESPACE);
    }

    @Test
    void everyOptionalComponentOfApiAccessExistsAndIsUsedByAnOverlay() {
        List<String> named = apiAccess().stream().map(ApiCall::optionalComponent).filter(c -> c != null).distinct().toList();
        assertThat(named).isNotEmpty();
        for (String component : named) {
            Path dir = Repo.MANIFESTS.resolve("components").resolve(component);
            assertThat(Files.isDirectory(dir) && Kustomize.isComponent(dir))
                    .as("api-access.yaml names optionalComponent %s: manifests/components/%s must be a kustomize Component",
                            component, component)
                    .isTrue();
        }
    }

    @Test
    void everyComponentIsRenderedByAtLeastOneOverlay() {
        List<String> used = Kustomize.buildable().stream().flatMap(dir -> Kustomize.componentsUsedBy(dir).stream()).toList();
        for (Path component : Kustomize.components()) {
            assertThat(used).as("no kustomization uses %s, so its objects are never checked", Kustomize.relative(component))
                    .contains(component.getFileName().toString());
        }
    }

    @Test
    void noManifestAnywhereMentionsSecrets() {
        for (Path dir : Kustomize.buildable()) {
            for (JsonNode object : Kustomize.render(dir)) {
                if (object.path("kind").asText().endsWith("Role")) {
                    assertThat(object.toString()).as("%s in %s", object.at("/metadata/name"), Kustomize.relative(dir))
                            .doesNotContainIgnoringCase("secret");
                }
            }
        }
    }
}
