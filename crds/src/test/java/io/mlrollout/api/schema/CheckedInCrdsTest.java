package io.mlrollout.api.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class CheckedInCrdsTest {

    @ParameterizedTest
    @FieldSource("io.mlrollout.api.schema.CheckedInCrds#RESOURCES")
    void checkedInCrdMatchesTheBuild(Class<? extends HasMetadata> type) throws IOException {
        String expected = CheckedInCrds.expected(type);
        Path file = CheckedInCrds.checkedIn(type);
        if (Boolean.getBoolean("crds.update")) {
            Files.writeString(file, expected);
        }
        assertThat(file).as("%s is missing or out of date; run ./mvnw -pl crds verify -Dcrds.update=true", file)
                .exists();
        assertThat(Files.readString(file))
                .as("%s differs from the CRD the build generates from the Java types; "
                        + "run ./mvnw -pl crds verify -Dcrds.update=true and commit the result", file)
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @FieldSource("io.mlrollout.api.schema.CheckedInCrds#RESOURCES")
    void printerColumnsKeepTheDeclaredOrder(Class<? extends HasMetadata> type) throws IOException {
        String crd = CheckedInCrds.expected(type);
        int first = crd.indexOf("- jsonPath:");
        assertThat(crd.substring(first)).doesNotStartWith("- jsonPath: .metadata.creationTimestamp");
    }
}
