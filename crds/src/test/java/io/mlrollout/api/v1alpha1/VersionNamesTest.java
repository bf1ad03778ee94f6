package io.mlrollout.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionNamesTest {

    @ParameterizedTest
    @CsvSource({"2.1.0, 2-1-0-", "V1_rc.2, v1-rc-2-", "1.0.0+build.7, 1-0-0-build-7-"})
    void slugsAreReadableVersionsWithADigest(String version, String prefix) {
        String slug = VersionNames.slug(new ModelRef(version, "file:///m.onnx", null));
        assertThat(slug).startsWith(prefix).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?").hasSize(prefix.length() + 5);
    }

    @Test
    void aNewUriOrSha256UnderTheSameVersionGetsItsOwnName() {
        ModelRef a = new ModelRef("1.0.0", "file:///a.onnx", null);
        ModelRef b = new ModelRef("1.0.0", "file:///b.onnx", null);
        ModelRef c = new ModelRef("1.0.0", "file:///a.onnx", "f".repeat(64));
        assertThat(VersionNames.objectName("iris", a)).isNotEqualTo(VersionNames.objectName("iris", b))
                .isNotEqualTo(VersionNames.objectName("iris", c));
        assertThat(VersionNames.objectName("iris", a)).isEqualTo(VersionNames.objectName("iris", new ModelRef("1.0.0", "file:///a.onnx", null)));
    }

    @Test
    void namesStayValidDnsLabelsWhenLong() {
        String name = VersionNames.objectName("a-very-long-model-deployment-name-that-goes-on-and-on",
                new ModelRef("2024.11.30-release-candidate-with-a-long-tail", "file:///m.onnx", null));
        assertThat(name).hasSizeLessThanOrEqualTo(63).matches("[a-z]([-a-z0-9]*[a-z0-9])?");
    }
}
