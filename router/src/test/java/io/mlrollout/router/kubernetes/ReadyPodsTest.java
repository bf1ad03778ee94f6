package io.mlrollout.router.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.mlrollout.api.v1alpha1.VersionLabels;
import io.mlrollout.router.routing.Endpoint;
import io.mlrollout.router.routing.ReadyPod;
import org.junit.jupiter.api.Test;

class ReadyPodsTest {

    static PodBuilder pod(String name, String version, String ip, String ready) {
        return new PodBuilder()
                .withNewMetadata().withName(name).withNamespace("ml")
                .addToLabels(VersionLabels.MODEL_DEPLOYMENT, "iris").addToLabels(VersionLabels.VERSION, version).endMetadata()
                .withNewSpec().addNewContainer().withName("model-server")
                .addNewPort().withName("metrics").withContainerPort(9090).endPort()
                .addNewPort().withName("http").withContainerPort(8080).endPort().endContainer().endSpec()
                .withNewStatus().withPodIP(ip).addNewCondition().withType("Ready").withStatus(ready).endCondition().endStatus();
    }

    @Test
    void aReadyPodIsItsIpAndTheContainerPortNamedHttp() {
        assertThat(ReadyPods.of(pod("a", "1-0-0-abcde", "10.1.2.3", "True").build()))
                .contains(new ReadyPod("1-0-0-abcde", new Endpoint("10.1.2.3", 8080)));
    }

    @Test
    void notReadyTerminatingUnaddressedUnlabelledOrPortlessPodsAreLeftOut() {
        assertThat(ReadyPods.of(pod("a", "v", "10.1.2.3", "False").build())).isEmpty();
        assertThat(ReadyPods.of(pod("a", "v", "10.1.2.3", "True").editMetadata().withDeletionTimestamp("2026-12-01T00:00:00Z")
                .endMetadata().build())).isEmpty();
        assertThat(ReadyPods.of(pod("a", "v", null, "True").build())).isEmpty();
        Pod unlabelled = pod("a", "v", "10.1.2.3", "True").build();
        unlabelled.getMetadata().getLabels().remove(VersionLabels.VERSION);
        assertThat(ReadyPods.of(unlabelled)).isEmpty();
        Pod portless = pod("a", "v", "10.1.2.3", "True").build();
        portless.getSpec().getContainers().get(0).getPorts().removeIf(port -> "http".equals(port.getName()));
        assertThat(ReadyPods.of(portless)).isEmpty();
        assertThat(ReadyPods.of(new PodBuilder().withNewMetadata().withName("bare").endMetadata().build())).isEmpty();
    }
}
