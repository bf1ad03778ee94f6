package io.mlrollout.e2e.cluster.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How the emulated kubelet stops a pod: only what the pod spec asks, as a real kubelet does. */
class ContainerSpecTest {

    static PodBuilder pod() {
        return new PodBuilder().withNewMetadata().withName("p").endMetadata()
                .withNewSpec().addNewContainer().withName("c").withImage("i").endContainer().endSpec();
    }

    @Test
    void withoutAPreStopHookSigtermComesAtOnce() {
        assertThat(ContainerSpec.of(pod().build()).preStopSleep()).isZero();
    }

    @Test
    void aPreStopSleepIsRunBeforeSigterm() {
        Pod pod = pod().editSpec().editFirstContainer().withNewLifecycle().withNewPreStop().withNewSleep(7L).endPreStop()
                .endLifecycle().endContainer().endSpec().build();
        assertThat(ContainerSpec.of(pod).preStopSleep()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void theGracePeriodIsThePodsOrKubernetesDefault() {
        assertThat(ContainerSpec.terminationGrace(pod().build())).isEqualTo(Duration.ofSeconds(30));
        assertThat(ContainerSpec.terminationGrace(pod().editSpec().withTerminationGracePeriodSeconds(12L).endSpec().build()))
                .isEqualTo(Duration.ofSeconds(12));
    }
}
