package io.mlrollout.router.bench;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.mlrollout.api.v1alpha1.ModelDeployment;
import io.mlrollout.api.v1alpha1.ModelDeploymentSpec;
import io.mlrollout.api.v1alpha1.ModelDeploymentStatus;
import io.mlrollout.api.v1alpha1.ModelRef;
import io.mlrollout.api.v1alpha1.VersionLabels;
import io.mlrollout.api.v1alpha1.VersionNames;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;

/**
 * What the router runs against in the benchmark: a trivial backend on 127.0.0.1 that answers every request
 * with a fixed inference response at once (so the figures are the router's own cost, not a model's), and
 * the fabric8 mock API server holding a ModelDeployment whose only version is one Ready pod: that backend.
 */
final class BenchCluster implements AutoCloseable {

    static final String RESPONSE = "{\"model_name\":\"iris\",\"model_version\":\"bench\",\"outputs\":[{\"name\":\"output\","
            + "\"datatype\":\"FP32\",\"shape\":[1,3],\"data\":[0.01,0.97,0.02]}]}";

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer backend;
    private final KubernetesMockServer api;

    BenchCluster() throws Exception {
        backend = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(ignored -> request.response()
                .putHeader("Content-Type", "application/json").end(RESPONSE))).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get();
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        api = new KubernetesMockServer(new Context(Serialization.jsonMapper()), new MockWebServer(), responses,
                new KubernetesMixedDispatcher(responses), false);
        api.init(InetAddress.getByName("127.0.0.1"), 0);
        publish(api.createClient());
    }

    int backendPort() {
        return backend.actualPort();
    }

    String apiUrl() {
        return api.url("/");
    }

    private void publish(KubernetesClient client) {
        ModelRef model = new ModelRef("bench", "classpath:models/iris-v1/model.onnx", null);
        ModelDeployment md = new ModelDeployment();
        md.setMetadata(new ObjectMetaBuilder().withName("bench").withNamespace("ml").build());
        md.setSpec(new ModelDeploymentSpec());
        client.resource(md).create();
        ModelDeploymentStatus status = new ModelDeploymentStatus();
        status.setStable(model);
        status.setCanaryWeight(0);
        md = client.resources(ModelDeployment.class).inNamespace("ml").withName("bench").get();
        md.setStatus(status);
        client.resource(md).updateStatus();
        client.pods().inNamespace("ml").resource(new PodBuilder()
                .withNewMetadata().withName("bench-1").withNamespace("ml")
                .addToLabels(VersionLabels.MODEL_DEPLOYMENT, "bench").addToLabels(VersionLabels.VERSION, VersionNames.slug(model)).endMetadata()
                .withNewSpec().addNewContainer().withName("model-server").addNewPort().withName("http").withContainerPort(backendPort())
                .endPort().endContainer().endSpec()
                .withNewStatus().withPodIP("127.0.0.1").addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus()
                .build()).create();
    }

    @Override
    public void close() {
        api.destroy();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
