package io.mlrollout.e2e.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlrollout.api.v1alpha1.RolloutPolicy;
import io.mlrollout.api.v1alpha1.RolloutStep;
import io.mlrollout.e2e.cluster.process.BuiltApplications;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class FastPolicyTest {

    @Test
    void dividesEveryDurationOfTheSamplePolicyByTen() throws IOException {
        RolloutPolicy sample;
        try (var in = Files.newInputStream(BuiltApplications.locate().samples().resolve("rolloutpolicy-standard-canary.yaml"))) {
            sample = new KubernetesSerialization().unmarshal(in, RolloutPolicy.class);
        }

        RolloutPolicy fast = FastPolicy.of(sample);

        assertThat(fast.getSpec().getSteps()).extracting(RolloutStep::getSetWeight).containsExactly(10, null, 25, null, 50, null);
        assertThat(fast.getSpec().getSteps().stream().filter(s -> s.getPause() != null).map(s -> s.getPause().getDuration()))
                .containsExactly("6s", "6s", "12s");
        assertThat(fast.getSpec().getAnalysis().getInterval()).isEqualTo("3s");
        assertThat(fast.getSpec().getAnalysis().getProgressDeadline()).isEqualTo("30s");
        assertThat(fast.getSpec().getAnalysis().getMinSampleSize()).isEqualTo(5);
        assertThat(fast.getSpec().getAnalysis().getFailureLimit()).isEqualTo(2);
        assertThat(fast.getSpec().getAnalysis().getMetrics()).filteredOn(m -> m.getName().equals("latency-p99"))
                .singleElement().satisfies(m -> assertThat(m.getMinSampleSize()).as("a tenth of a p99's 100").isEqualTo(10));
        assertThat(fast.getSpec().getAnalysis().getMetrics()).filteredOn(m -> m.getName().equals("error-rate"))
                .singleElement().satisfies(m -> assertThat(m.getMinSampleSize()).isNull());
    }

    @Test
    void optionsAreCheckedBeforeAnythingStarts() {
        assertThat(DemoOptions.parse(List.of("--fast", "--keep-running", "--rate", "40")))
                .isEqualTo(new DemoOptions(true, true, 40));
        assertThat(DemoOptions.parse(List.of())).isEqualTo(new DemoOptions(false, false, 20));
        assertThatThrownBy(() -> DemoOptions.parse(List.of("--rate", "1000"))).hasMessageContaining("--rate");
        assertThatThrownBy(() -> DemoOptions.parse(List.of("--fats"))).hasMessageContaining("unknown option --fats");
    }
}
