package io.mlrollout.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that must be copies: the CRDs in manifests/base/crds (kustomize loads nothing from outside
 * its folder) and the health check inside the argocd-cm patch. {@code -Dmanifests.update=true}
 * rewrites the copies from their sources.
 */
class CopiesTest {

    static final String UPDATE = "manifests.update";
    static final String HEALTH_KEY = "resource.customizations.health.mlrollout.io_ModelDeployment";
    private static final Path CRD_COPIES = Repo.MANIFESTS.resolve("base/crds");
    private static final Path HEALTH_LUA = Repo.ARGOCD.resolve("health.lua");
    private static final Path PATCH = Repo.ARGOCD.resolve("argocd-cm-patch.yaml");

    private static final String PATCH_HEADER = """
            # Teaches Argo CD the health of a ModelDeployment. The Lua script is a copy of
            # health.lua beside this file; a test fails when they differ. Regenerate with
            #   ./mvnw -pl manifests verify -Dmanifests.update=true
            # Apply it to a running Argo CD:
            #   kubectl -n argocd patch configmap argocd-cm --type merge --patch-file manifests/argocd/argocd-cm-patch.yaml
            # or list it under `patches:` in the kustomization that installs Argo CD.
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: argocd-cm
              namespace: argocd
            data:
              %s: |
            """.formatted(HEALTH_KEY);

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void theBaseCrdsAreExactCopiesOfTheGeneratedOnes() throws IOException {
        List<String> generated = names(Repo.CRDS);
        assertThat(generated).isNotEmpty();
        if (Repo.update(UPDATE)) {
            for (String name : names(CRD_COPIES)) {
                Files.delete(CRD_COPIES.resolve(name));
            }
            for (String name : generated) {
                Files.copy(Repo.CRDS.resolve(name), CRD_COPIES.resolve(name));
            }
        }
        assertThat(names(CRD_COPIES)).as("manifests/base/crds").isEqualTo(generated);
        for (String name : generated) {
            assertThat(Files.readString(CRD_COPIES.resolve(name)))
                    .as("manifests/base/crds/%s differs from crds/%s; refresh with ./mvnw -pl manifests verify -D%s=true",
                            name, name, UPDATE)
                    .isEqualTo(Files.readString(Repo.CRDS.resolve(name)));
        }
        assertThat(Kustomize.kustomization(Repo.MANIFESTS.resolve("base")).path("resources").toString())
                .as("the base kustomization lists every CRD").contains(generated.stream().map(n -> "crds/" + n).toList());
    }

    static String expectedPatch(String lua) {
        StringBuilder patch = new StringBuilder(PATCH_HEADER);
        lua.lines().forEach(line -> patch.append(line.isEmpty() ? "" : "    " + line).append('\n'));
        return patch.toString();
    }

    @Test
    void theArgoCdPatchCarriesHealthLuaVerbatim() throws IOException {
        String lua = Files.readString(HEALTH_LUA);
        if (Repo.update(UPDATE)) {
            Files.writeString(PATCH, expectedPatch(lua));
        }
        assertThat(Files.readString(PATCH)).as("argocd-cm-patch.yaml; regenerate with -D%s=true", UPDATE)
                .isEqualTo(expectedPatch(lua));
        JsonNode configMap = Yaml.readOne(PATCH);
        assertThat(configMap.at("/data").path(HEALTH_KEY).asText()).as("the script inside argocd-cm-patch.yaml")
                .isEqualTo(lua);
    }

    @Test
    void thePatchMergesIntoAnExistingArgocdCm(@TempDir Path dir) throws IOException {
        Files.copy(PATCH, dir.resolve("argocd-cm-patch.yaml"));
        Files.writeString(dir.resolve("argocd-cm.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: argocd-cm
                  namespace: argocd
                data:
                  url: https://argocd.example.internal
                """);
        Files.writeString(dir.resolve("kustomization.yaml"), """
                resources: [argocd-cm.yaml]
                patches: [{path: argocd-cm-patch.yaml}]
                """);
        List<JsonNode> objects = Kustomize.renderNow(dir);
        assertThat(objects).hasSize(1);
        JsonNode data = objects.get(0).path("data");
        assertThat(data.path("url").asText()).as("existing settings are kept").isEqualTo("https://argocd.example.internal");
        assertThat(data.path(HEALTH_KEY).asText()).isEqualTo(Files.readString(HEALTH_LUA));
    }
}
