package io.mlrollout.e2e.cluster.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.mlrollout.api.v1alpha1.ModelDeployment;
import io.mlrollout.api.v1alpha1.RolloutPolicy;
import io.mlrollout.e2e.cluster.process.BuiltApplications;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the simulated API server adds to the mock API server, seen as kubectl and the operator see it. */
class SimulatedApiServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String TABLE = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";
    @TempDir
    static Path workDir;
    static SimulatedApiServer api;
    static KubernetesClient client;

    @BeforeAll
    static void start() {
        api = SimulatedApiServer.start(BuiltApplications.locate().crds(), workDir);
        client = api.client();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void servesDiscoveryForTheCustomResources() throws Exception {
        assertThat(get("/apis", "application/json").path("groups").findValuesAsText("name"))
                .contains("apps", "coordination.k8s.io", "mlrollout.io", "gateway.networking.k8s.io");
        JsonNode resources = get("/apis/mlrollout.io/v1alpha1?timeout=32s", "application/json").path("resources");
        assertThat(resources.findValuesAsText("name")).contains("modeldeployments", "modeldeployments/status", "rolloutpolicies");
        assertThat(resources.get(0).path("shortNames").toString()).contains("mdep");
        assertThat(Files.readString(api.kubeconfig())).contains(api.url());
    }

    @Test
    void answersKubectlWithPrinterColumnTables() throws Exception {
        client.resource(read("modeldeployment-iris.yaml", ModelDeployment.class)).inNamespace("tables").create();

        JsonNode table = get("/apis/mlrollout.io/v1alpha1/namespaces/tables/modeldeployments?limit=500", TABLE);

        assertThat(table.path("kind").asText()).isEqualTo("Table");
        assertThat(table.path("columnDefinitions").findValuesAsText("name")).contains("Stable", "Canary", "Weight", "Phase");
        assertThat(table.path("rows")).hasSize(1);
    }

    @Test
    void rejectsCustomResourcesTheCrdSchemaForbids() {
        RolloutPolicy policy = read("rolloutpolicy-standard-canary.yaml", RolloutPolicy.class);
        policy.getSpec().getSteps().get(2).setSetWeight(5);

        assertThatThrownBy(() -> client.resource(policy).inNamespace("schema").create())
                .isInstanceOf(KubernetesClientException.class)
                .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(422))
                .hasMessageContaining("strictly increase");
    }

    @Test
    void rejectsPatchesThatWouldMakeAnInvalidObject() {
        client.resource(read("modeldeployment-iris.yaml", ModelDeployment.class)).inNamespace("patches").create();
        var md = client.resources(ModelDeployment.class).inNamespace("patches").withName("iris");

        assertThatThrownBy(() -> md.patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"replicas\":0}}"))
                .isInstanceOf(KubernetesClientException.class).hasMessageContaining("spec.replicas");
        md.patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"replicas\":3}}");
        assertThat(md.get().getSpec().getReplicas()).isEqualTo(3);
    }

    @Test
    void aFieldRemovedByAMergePatchDoesNotFailTheNextPatch() {
        client.resource(read("modeldeployment-iris.yaml", ModelDeployment.class)).inNamespace("nulls").create();
        var md = client.resources(ModelDeployment.class).inNamespace("nulls").withName("iris");
        md.patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"model\":{\"sha256\":null}}}");

        md.patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"annotations\":{\"mlrollout.io/abort\":\"1\"}}}");

        assertThat(md.get().getMetadata().getAnnotations()).containsEntry("mlrollout.io/abort", "1");
        assertThat(md.get().getSpec().getModel().getSha256()).isNull();
    }

    @Test
    void findsEventsOfOneObjectAsKubectlDescribeAsks() throws Exception {
        for (String name : new String[] {"iris", "other"}) {
            client.v1().events().inNamespace("events").resource(new EventBuilder().withNewMetadata().withName(name + ".1").endMetadata()
                    .withNewInvolvedObject().withKind("ModelDeployment").withName(name).withNamespace("events").endInvolvedObject()
                    .withReason("RolloutStarted").build()).create();
        }

        JsonNode list = get("/api/v1/namespaces/events/events?fieldSelector=involvedObject.kind%3DModelDeployment%2CinvolvedObject.name%3Diris",
                "application/json");

        assertThat(list.path("kind").asText()).isEqualTo("EventList");
        assertThat(list.path("items").findValuesAsText("name")).containsExactly("iris.1", "iris");
    }

    private static JsonNode get(String path, String accept) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(api.url() + path)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
        return JSON.readTree(response.body());
    }

    private static <T extends io.fabric8.kubernetes.api.model.HasMetadata> T read(String sample, Class<T> type) {
        try (var in = Files.newInputStream(BuiltApplications.locate().samples().resolve(sample))) {
            return client.getKubernetesSerialization().unmarshal(in, type);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
