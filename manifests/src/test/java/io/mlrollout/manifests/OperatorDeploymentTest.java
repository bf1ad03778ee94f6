package io.mlrollout.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The operator's Deployment, its metrics Service and monitors: the facts the operator and users rely on. */
class OperatorDeploymentTest {

    private static final List<JsonNode> BASE = Kustomize.render(Repo.MANIFESTS.resolve("base"));

    private static JsonNode deployment() {
        return Kustomize.find(BASE, "Deployment", Repo.OPERATOR_NAME).orElseThrow();
    }

    private static JsonNode container() {
        JsonNode containers = deployment().at("/spec/template/spec/containers");
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    private static JsonNode env(String name) {
        for (JsonNode variable : container().path("env")) {
            if (variable.path("name").asText().equals(name)) {
                return variable;
            }
        }
        throw new AssertionError("the operator container has no env " + name + ": " + container().path("env"));
    }

    @Test
    void imagesArePinnedToTheProjectVersion() {
        String version = Repo.projectVersion();
        assertThat(container().path("image").asText()).isEqualTo("ghcr.io/mlrollout/mlrollout-operator:" + version);
        assertThat(env("MLROLLOUT_MODEL_SERVER_IMAGE").path("value").asText())
                .isEqualTo("ghcr.io/mlrollout/mlrollout-model-server:" + version);
    }

    @Test
    void twoReplicasElectALeader() {
        assertThat(deployment().at("/spec/replicas").asInt()).isEqualTo(2);
        assertThat(env("MLROLLOUT_LEADER_ELECTION_ENABLED").path("value").asText()).isEqualTo("true");
        assertThat(env("POD_NAMESPACE").at("/valueFrom/fieldRef/fieldPath").asText()).isEqualTo("metadata.namespace");
        assertThat(env("MLROLLOUT_WATCH_NAMESPACES").path("value").asText()).as("empty: watch all namespaces").isEmpty();
        JsonNode budget = Kustomize.find(BASE, "PodDisruptionBudget", Repo.OPERATOR_NAME).orElseThrow();
        assertThat(budget.at("/spec/minAvailable").asInt()).isEqualTo(1);
        assertThat(budget.at("/spec/selector")).isEqualTo(deployment().at("/spec/selector"));
    }

    @Test
    void healthAndMetricsAreServedOnPort8080() {
        JsonNode port = container().path("ports").get(0);
        assertThat(port.path("name").asText()).isEqualTo("http");
        assertThat(port.path("containerPort").asInt()).isEqualTo(8080);
        assertThat(container().at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
        assertThat(container().at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
        assertThat(container().at("/livenessProbe/httpGet/port").asText()).isEqualTo("http");
        assertThat(container().at("/readinessProbe/httpGet/port").asText()).isEqualTo("http");

        JsonNode service = Kustomize.find(BASE, "Service", "mlrollout-operator-metrics").orElseThrow();
        JsonNode podLabels = deployment().at("/spec/template/metadata/labels");
        service.at("/spec/selector").fields().forEachRemaining(selector ->
                assertThat(podLabels.path(selector.getKey())).as("pod label %s", selector.getKey()).isEqualTo(selector.getValue()));
        assertThat(service.at("/spec/ports/0/name").asText()).isEqualTo("http");
        assertThat(service.at("/spec/ports/0/targetPort").asText()).isEqualTo("http");
    }

    @Test
    void resourcesAreSet() {
        JsonNode resources = container().path("resources");
        assertThat(resources.at("/requests/cpu").asText()).isNotBlank();
        assertThat(resources.at("/requests/memory").asText()).isNotBlank();
        assertThat(resources.at("/limits/memory").asText()).isNotBlank();
    }

    @Test
    void tmpIsTheOnlyWritablePathAndAnEmptyDir() {
        JsonNode mount = container().path("volumeMounts").get(0);
        assertThat(container().path("volumeMounts")).hasSize(1);
        assertThat(mount.path("mountPath").asText()).isEqualTo("/tmp");
        JsonNode volume = deployment().at("/spec/template/spec/volumes/0");
        assertThat(volume.path("name").asText()).isEqualTo(mount.path("name").asText());
        assertThat(volume.has("emptyDir")).isTrue();
    }

    static Stream<Path> kustomizations() {
        return Kustomize.buildable().stream();
    }

    /** The "restricted" Pod Security Standard, for every pod template in every kustomization. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kustomizations")
    void everyPodIsRestricted(Path dir) {
        for (JsonNode object : Kustomize.render(dir)) {
            JsonNode pod = object.at("/spec/template/spec");
            if (!pod.isMissingNode()) {
                assertThat(restrictedViolations(pod)).as("%s %s in %s", object.path("kind").asText(),
                        object.at("/metadata/name").asText(), Kustomize.relative(dir)).isEmpty();
            }
        }
    }

    @Test
    void theRestrictedCheckCatchesAnInsecurePod() {
        JsonNode pod = Yaml.readAll("""
                hostNetwork: true
                volumes: [{name: data, hostPath: {path: /var}}]
                containers:
                  - name: app
                    securityContext:
                      privileged: true
                      runAsUser: 0
                      capabilities: {add: [NET_ADMIN]}
                """).get(0);
        assertThat(restrictedViolations(pod)).hasSize(10);
        assertThat(restrictedViolations(deployment().at("/spec/template/spec"))).isEmpty();
    }

    static List<String> restrictedViolations(JsonNode pod) {
        List<String> violations = new ArrayList<>();
        JsonNode podContext = pod.path("securityContext");
        for (String host : List.of("hostNetwork", "hostPID", "hostIPC")) {
            if (pod.path(host).asBoolean(false)) {
                violations.add(host + " is set");
            }
        }
        for (JsonNode volume : pod.path("volumes")) {
            if (volume.has("hostPath")) {
                violations.add("volume " + volume.path("name").asText() + " is a hostPath");
            }
        }
        List<JsonNode> containers = new ArrayList<>();
        pod.path("initContainers").forEach(containers::add);
        pod.path("containers").forEach(containers::add);
        for (JsonNode container : containers) {
            String name = "container " + container.path("name").asText() + ": ";
            JsonNode context = container.path("securityContext");
            if (context.path("privileged").asBoolean(false)) {
                violations.add(name + "privileged");
            }
            if (!context.path("runAsNonRoot").asBoolean(podContext.path("runAsNonRoot").asBoolean(false))) {
                violations.add(name + "runAsNonRoot is not true");
            }
            if (context.path("runAsUser").asInt(podContext.path("runAsUser").asInt(-1)) == 0) {
                violations.add(name + "runs as user 0");
            }
            if (context.path("allowPrivilegeEscalation").asBoolean(true)) {
                violations.add(name + "allowPrivilegeEscalation is not false");
            }
            if (!context.path("readOnlyRootFilesystem").asBoolean(false)) {
                violations.add(name + "readOnlyRootFilesystem is not true");
            }
            List<String> dropped = new ArrayList<>();
            context.at("/capabilities/drop").forEach(c -> dropped.add(c.asText()));
            if (!dropped.contains("ALL")) {
                violations.add(name + "capabilities do not drop ALL");
            }
            if (!context.at("/capabilities/add").isEmpty()) {
                violations.add(name + "adds capabilities " + context.at("/capabilities/add"));
            }
            String seccomp = context.at("/seccompProfile/type").asText(podContext.at("/seccompProfile/type").asText(""));
            if (!seccomp.equals("RuntimeDefault") && !seccomp.equals("Localhost")) {
                violations.add(name + "seccompProfile is not RuntimeDefault");
            }
        }
        return violations;
    }
}
